namespace Sentry.Management.Tests.Capture.Sessions;

/// <summary>
/// The test assembly's entry point: the test host never calls it, but <c>dotnet exec</c> of this assembly with
/// <c>crash-helper {dsn}</c> starts a capture client and dies of an unhandled exception, for
/// <see cref="UnhandledProcessTests"/>.
/// </summary>
public static class CrashingChild
{
    /// <summary>Crashes with capture on when asked; otherwise does nothing.</summary>
    /// <param name="args"><c>crash-helper {dsn}</c>.</param>
    /// <returns>0 when not asked to crash.</returns>
    public static int Main(string[] args)
    {
        if (args is not ["crash-helper", var dsn])
        {
            return 0;
        }

        var client = new SentryCaptureClient(new SentryCaptureOptions
        {
            Dsn = dsn,
            Release = "crash@1.0.0",
            AutoSessionTracking = true,
            CaptureUnhandledExceptions = true,
            UnhandledFlushTimeout = TimeSpan.FromSeconds(10),
        });
        GC.KeepAlive(client);
        throw new InvalidOperationException("the child process crashes");
    }
}
