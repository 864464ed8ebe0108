using System.Globalization;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// A query's time window as Sentry reads it: <c>statsPeriod</c> (<c>14d</c>, <c>24h</c>, <c>30m</c>, <c>2w</c>, <c>90s</c>)
/// counted back from now, or <c>start</c> and <c>end</c> (ISO 8601).
/// </summary>
internal readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset at) => at >= Start && at <= End;

    /// <summary>
    /// The window of a request. As in Sentry (<c>get_date_range_from_stats_period</c>), a period wins over
    /// <c>start</c>/<c>end</c> when a request sends both.
    /// </summary>
    public static TimeRange FromQuery(ApiContext context, string defaultPeriod, string periodName = "statsPeriod")
    {
        var start = context.Query("start");
        var end = context.Query("end");
        if (context.Query(periodName) is null && (start is not null || end is not null))
        {
            if (start is null || end is null)
            {
                throw ApiProblem.BadRequest("start and end must be given together.");
            }

            var s = ParseDate(start, "start");
            var e = ParseDate(end, "end");
            return e < s ? throw ApiProblem.BadRequest("end must not be before start.") : new TimeRange(s, e);
        }

        var period = ParsePeriod(context.Query(periodName) ?? defaultPeriod, periodName);
        return new TimeRange(context.Now - period, context.Now);
    }

    public static TimeSpan ParsePeriod(string text, string name)
    {
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
                case 'w': return TimeSpan.FromDays(7 * n);
            }
        }

        throw ApiProblem.BadRequest($"Invalid {name} '{text}': use a number and a unit such as 24h, 14d or 30m.");
    }

    private static DateTimeOffset ParseDate(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw ApiProblem.BadRequest($"Invalid {name} '{text}': use an ISO 8601 date such as 2026-12-01T00:00:00Z.");
}
