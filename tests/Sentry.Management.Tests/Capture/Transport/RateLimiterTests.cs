using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Capture.Transport;

namespace Sentry.Management.Tests.Capture.Transport;

public class RateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public void Limits_named_categories_for_float_seconds()
    {
        var limiter = new RateLimiter(_time);
        limiter.Apply("2.5:transaction;trace_metric:organization:quota_exceeded, 10:error:project");

        Assert.Multiple(() =>
        {
            Assert.That(limiter.IsLimited("transaction"), Is.True);
            Assert.That(limiter.IsLimited("trace_metric"), Is.True);
            Assert.That(limiter.IsLimited("error"), Is.True);
            Assert.That(limiter.IsLimited("internal"), Is.False);
        });

        _time.Advance(TimeSpan.FromSeconds(2.6));
        Assert.Multiple(() =>
        {
            Assert.That(limiter.IsLimited("transaction"), Is.False);
            Assert.That(limiter.IsLimited("error"), Is.True);
        });

        _time.Advance(TimeSpan.FromSeconds(8));
        Assert.That(limiter.IsLimited("error"), Is.False);
    }

    [Test]
    public void Empty_categories_limit_everything()
    {
        var limiter = new RateLimiter(_time);
        limiter.Apply("60::organization");

        Assert.That(limiter.IsLimited("error"), Is.True);
        Assert.That(limiter.IsLimited("anything"), Is.True);
    }

    [Test]
    public void Garbage_is_ignored_and_a_longer_limit_wins()
    {
        var limiter = new RateLimiter(_time);
        limiter.Apply("abc:error, -1:error, 30:error");
        limiter.Apply("5:error");

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(limiter.IsLimited("error"), Is.True);
    }

    [Test]
    public void Retry_after_is_the_fallback_for_a_429_without_sentry_header()
    {
        var limiter = new RateLimiter(_time);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        limiter.Update(response);

        Assert.That(limiter.IsLimited("error"), Is.True);
        _time.Advance(TimeSpan.FromSeconds(3.1));
        Assert.That(limiter.IsLimited("error"), Is.False);
    }

    [Test]
    public void A_429_without_any_header_limits_for_a_minute()
    {
        var limiter = new RateLimiter(_time);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        limiter.Update(response);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(limiter.IsLimited("transaction"), Is.True);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(limiter.IsLimited("transaction"), Is.False);
    }

    [Test]
    public void A_200_can_announce_limits_too()
    {
        var limiter = new RateLimiter(_time);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limits", "30:transaction");

        limiter.Update(response);

        Assert.That(limiter.IsLimited("transaction"), Is.True);
        Assert.That(limiter.IsLimited("error"), Is.False);
    }
}
