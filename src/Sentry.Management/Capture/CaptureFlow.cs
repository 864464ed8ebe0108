namespace Sentry.Management.Capture;

/// <summary>
/// Marks the async flows of capture's own workers, where user hooks (<c>BeforeSend</c>, <c>BeforeBreadcrumb</c>) run:
/// a hook that logs must not have its entry captured again, or an error logged with an exception would loop.
/// </summary>
internal static class CaptureFlow
{
    private static readonly AsyncLocal<bool> Worker = new();

    public static bool IsWorker => Worker.Value;

    /// <summary>Called at the top of a worker's async method: the mark flows through its awaits, never back to the caller.</summary>
    public static void EnterWorker() => Worker.Value = true;
}
