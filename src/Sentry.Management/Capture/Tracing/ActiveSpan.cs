namespace Sentry.Management.Capture.Tracing;

/// <summary>
/// The span the current async flow runs in. One AsyncLocal slot holding a reference: setting it copies no
/// scope, and flows into awaited calls and tasks started from here, never back into the caller's caller.
/// </summary>
internal static class ActiveSpan
{
    private static readonly AsyncLocal<TraceSpan?> Slot = new();

    public static TraceSpan? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }
}
