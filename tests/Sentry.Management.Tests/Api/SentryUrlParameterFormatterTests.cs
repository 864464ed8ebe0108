using Sentry.Management.Api;

namespace Sentry.Management.Tests.Api;

/// <summary>The one formatter of query values: every date parameter of every area goes through it.</summary>
public class SentryUrlParameterFormatterTests
{
    private readonly SentryUrlParameterFormatter _formatter = new();

    [Test]
    public void Dates_are_utc_iso_8601_with_a_z_whatever_their_offset()
    {
        var value = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.FromHours(2));

        Assert.That(_formatter.Format(value, typeof(object), typeof(DateTimeOffset)), Is.EqualTo("2026-01-02T01:04:05.123Z"));
        Assert.That(_formatter.Format(value.AddMilliseconds(-123), typeof(object), typeof(DateTimeOffset)), Is.EqualTo("2026-01-02T01:04:05Z"));
    }

    [Test]
    public void Booleans_are_lowercase()
    {
        Assert.That(_formatter.Format(true, typeof(object), typeof(bool)), Is.EqualTo("true"));
        Assert.That(_formatter.Format(false, typeof(object), typeof(bool)), Is.EqualTo("false"));
    }

    [Test]
    public void No_api_interface_asks_refit_for_its_own_date_format()
    {
        // A [Query(Format = ...)] on a date would be ignored by the formatter above: one way of formatting dates only.
        var formatted = SentryAreas.All
            .SelectMany(a => a.Api.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Where(p => Nullable.GetUnderlyingType(p.ParameterType) == typeof(DateTimeOffset) || p.ParameterType == typeof(DateTimeOffset))
            .ToList();

        Assert.That(formatted, Is.Not.Empty);
        Assert.That(
            formatted.Where(p => p.GetCustomAttributes(typeof(Refit.QueryAttribute), false).Cast<Refit.QueryAttribute>().Any(q => q.Format is not null)).Select(p => p.Member.Name + "." + p.Name),
            Is.Empty);
    }
}
