namespace Sentry.Management.Capture;

/// <summary>
/// Marks the async flows of capture's own workers, where user hooks (<c>BeforeSend</c>, <c>BeforeBreadcrumb</c>) run:
/// a hook that logs must not have its entry captured again, or an error logged with an exception would loop.
/// </summary>
/// <remarks>
/// A capture whose queue is full is prepared on the calling thread when there is a spool, so its hooks run there:
/// that thread counts as a worker while it prepares (a thread-static mark, since that path is synchronous).
/// </remarks>
internal static class CaptureFlow
{
    private static readonly AsyncLocal<bool> Worker = new();

    [ThreadStatic]
    private static bool t_preparingOnCaller;

    public static bool IsWorker => t_preparingOnCaller || Worker.Value;

    /// <summary>Whether this thread is preparing an overflowing capture for the spool right now.</summary>
    public static bool IsPreparingOnCaller => t_preparingOnCaller;

    /// <summary>Called at the top of a worker's async method: the mark flows through its awaits, never back to the caller.</summary>
    public static void EnterWorker() => Worker.Value = true;

    /// <summary>Marks (and unmarks) the calling thread while it prepares an overflowing capture.</summary>
    public static void PrepareOnCaller(bool preparing) => t_preparingOnCaller = preparing;
}
