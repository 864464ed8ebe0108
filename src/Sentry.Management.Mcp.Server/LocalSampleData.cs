namespace Sentry.Management.Mcp.Server;

/// <summary>
/// The sample events <c>--local</c> starts with: a few errors of a checkout service, sent through the ordinary capture
/// client so they arrive, are grouped and are searchable exactly as an application's would be.
/// </summary>
internal static class LocalSampleData
{
    /// <summary>Sends the sample events to <paramref name="dsn"/> and returns how many were sent.</summary>
    public static async Task<int> CaptureAsync(string dsn, string release, CancellationToken cancellationToken)
    {
        var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = dsn, Release = release, Environment = "production", ServerName = "checkout-1" });
        await using (capture.ConfigureAwait(false))
        {
            var sent = 0;
            foreach (var (exception, step, times) in Errors())
            {
                for (var i = 0; i < times; i++)
                {
                    capture.Exception(exception).Tag("checkout.step", step).User(id: "user-" + (i + 1)).Transaction("POST /checkout").Capture();
                    sent++;
                }
            }

            capture.Message("Slow checkout: payment took 4200 ms", EventLevel.Warning).Tag("checkout.step", "payment").Capture();
            sent++;
            if (!await capture.FlushAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The local Sentry did not accept the sample events within 30 s.");
            }

            return sent;
        }
    }

    private static IEnumerable<(Exception Exception, string Step, int Times)> Errors()
    {
        yield return (Thrown(() => throw new InvalidOperationException("Cart 'c-1042' is empty")), "cart", 3);
        yield return (Thrown(() => throw new ArgumentException("Coupon code 'SAVE50' has expired")), "discount", 2);
        yield return (Thrown(() => throw new TimeoutException("Payment gateway did not answer within 30 s")), "payment", 4);
        yield return (Thrown(() => throw new KeyNotFoundException("No shipping rate for country 'AQ'")), "shipping", 1);
    }

    // Thrown, not just constructed, so each carries a stack trace as a real error would.
    private static Exception Thrown(Action fail)
    {
        try
        {
            fail();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("unreachable: the action always throws");
    }
}
