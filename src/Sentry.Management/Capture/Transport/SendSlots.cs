namespace Sentry.Management.Capture.Transport;

/// <summary>The send slots (<see cref="SentryCaptureOptions.MaxConcurrentSends"/>) shared by the sender's workers and the spool drainer.</summary>
internal static class SendSlots
{
    /// <summary>Waits for a slot; <see langword="false"/> when the transport stops first (no slot was taken).</summary>
    public static async Task<bool> TryWaitAsync(this SemaphoreSlim slots, CancellationToken stop)
    {
        try
        {
            await slots.WaitAsync(stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
