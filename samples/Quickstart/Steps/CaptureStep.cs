namespace Sentry.Management.Quickstart;

internal static class CaptureStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var boot = run.Bootstrap!;

        #region capture
        var capture = boot.CaptureClient;
        capture.StartSession();                  // release health: this run is a session of the release
        capture.CaptureMessage("Quickstart: hello from Sentry.Management");
        try
        {
            throw new InvalidOperationException("Quickstart: a handled error");
        }
        catch (InvalidOperationException e)
        {
            capture.CaptureException(e);        // marks the session errored
        }

        capture.EndSession();
        var flushed = await capture.FlushAsync(TimeSpan.FromSeconds(10), cancellationToken);
        Console.WriteLine($"Events: {capture.Counters.Delivered("error")} delivered, {capture.Counters.DiscardedTotal("error")} discarded (flushed: {flushed})");
        #endregion
    }
}
