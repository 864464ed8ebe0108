using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Http;

public class ConcurrencyTests
{
    [Test]
    public async Task A_burst_stays_under_the_ConcurrentLimit_the_server_announced()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var calls = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new FuncHandler(async (_, ct) =>
        {
            var n = Interlocked.Increment(ref calls);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                if (n > 1)
                {
                    await release.Task.WaitAsync(ct);
                }

                var response = SentryTestHarness.Json("""{"slug": "acme"}""");
                response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-ConcurrentLimit", "3");
                response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-ConcurrentRemaining", "2");
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });
        using var h = new SentryTestHarness(o => o.MaxConcurrentRequests = 10, server);

        await h.Client.Organization("acme").GetAsync(); // learns the limit of 3
        var burst = Enumerable.Range(0, 12).Select(_ => h.Client.Organization("acme").GetAsync()).ToList();
        for (var i = 0; i < 50 && Volatile.Read(ref inFlight) < 3; i++)
        {
            await Task.Delay(10);
        }

        Assert.That(Volatile.Read(ref inFlight), Is.EqualTo(3), "three requests run while the rest wait");
        release.SetResult();
        await Task.WhenAll(burst);

        Assert.That(maxInFlight, Is.EqualTo(3));
        Assert.That(calls, Is.EqualTo(13));
        Assert.That(h.Client.RateLimits.Current!.ConcurrentLimit, Is.EqualTo(3));
    }

    [Test]
    public async Task A_used_up_window_delays_the_next_request_until_reset()
    {
        var attempts = new List<DateTimeOffset>();
        SentryTestHarness h = null!;
        using var server = new FuncHandler((_, _) =>
        {
            attempts.Add(h.Time.GetUtcNow());
            var response = SentryTestHarness.Json("""{"slug": "acme"}""");
            response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-Remaining", attempts.Count == 1 ? "0" : "39");
            response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-Reset", h.Time.GetUtcNow().AddSeconds(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(response);
        });
        using var harness = h = new SentryTestHarness(primary: server);

        await h.Client.Organization("acme").GetAsync();
        await h.RunAsync(h.Client.Organization("acme").GetAsync(), TimeSpan.FromMilliseconds(500));

        Assert.That(attempts[1] - attempts[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(h.Client.RateLimits.Current!.Remaining, Is.EqualTo(39));
    }

    [Test]
    public async Task Concurrent_requests_never_take_more_of_the_window_than_it_has_remaining()
    {
        // Measured against the local Sentry's enforced limits: trusting only the last response's Remaining let a
        // concurrent burst overshoot the window (1,400 of 2,000 concurrent fetches ended in a 429).
        var calls = 0;
        SentryTestHarness h = null!;
        var windowEnd = DateTimeOffset.MinValue;
        using var server = new FuncHandler((_, _) =>
        {
            // The first window holds 4 requests and ends at windowEnd; the next one holds plenty.
            var n = Interlocked.Increment(ref calls);
            var inFirst = h.Time.GetUtcNow() < windowEnd;
            var response = SentryTestHarness.Json("""{"slug": "acme"}""");
            response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-Remaining", (inFirst ? Math.Max(0, 4 - n) : 40).ToString(System.Globalization.CultureInfo.InvariantCulture));
            response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-Reset", (inFirst ? windowEnd : windowEnd.AddSeconds(60)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(response);
        });
        using var harness = h = new SentryTestHarness(primary: server);
        windowEnd = h.Time.GetUtcNow().AddSeconds(5);
        await h.Client.Organization("acme").GetAsync();

        var burst = Task.WhenAll(Enumerable.Range(0, 6).Select(_ => h.Client.Organization("acme").GetAsync()));
        await Task.Delay(200);
        Assert.That(Volatile.Read(ref calls), Is.EqualTo(1 + 3), "only the 3 the window had left go before its reset");

        await h.RunAsync(burst, TimeSpan.FromMilliseconds(500));
        Assert.That(calls, Is.EqualTo(1 + 6));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
