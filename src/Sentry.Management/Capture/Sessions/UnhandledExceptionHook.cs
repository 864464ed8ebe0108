namespace Sentry.Management.Capture.Sessions;

/// <summary>
/// Subscribes a client to the process-wide unhandled-exception events once, and unsubscribes it on dispose, so a
/// disposed client is never called by a later crash.
/// </summary>
internal sealed class UnhandledExceptionHook : IDisposable
{
    /// <summary>The mechanism type of exceptions that reach <c>AppDomain.CurrentDomain.UnhandledException</c>.</summary>
    public const string AppDomainMechanism = "AppDomain.UnhandledException";

    /// <summary>The mechanism type of faulted tasks nobody awaited (<c>TaskScheduler.UnobservedTaskException</c>).</summary>
    public const string UnobservedTaskMechanism = "UnobservedTaskException";

    private readonly SentryCaptureClient _client;
    private int _disposed;

    public UnhandledExceptionHook(SentryCaptureClient client)
    {
        _client = client;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        TaskScheduler.UnobservedTaskException += OnUnobservedTaskException;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
            TaskScheduler.UnobservedTaskException -= OnUnobservedTaskException;
        }
    }

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is Exception exception)
        {
            _client.CaptureUnhandled(exception, AppDomainMechanism, e.IsTerminating);
        }
    }

    private void OnUnobservedTaskException(object? sender, UnobservedTaskExceptionEventArgs e) =>
        // The process goes on (unless ThrowUnobservedTaskExceptions is set), so the session is errored, not crashed.
        _client.CaptureUnhandled(e.Exception, UnobservedTaskMechanism, terminating: false);
}
