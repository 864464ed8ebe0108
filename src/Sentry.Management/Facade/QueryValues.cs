using System.Globalization;

namespace Sentry.Management;

/// <summary>Checks and formats values the facade puts into URLs (booleans and other dates are formatted by SentryUrlParameterFormatter).</summary>
internal static class QueryValues
{
    /// <summary>ISO-8601 in UTC with a <c>Z</c>, as the schema's date-time parameters expect.</summary>
    internal static string? Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Ids that go into a URL (path or query): digits only, so nothing else can ride along.</summary>
    internal static string NumericId(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"'{value}' is not a numeric id.", paramName);
            }
        }

        return value;
    }

    /// <summary>An event id (32 hex digits) or one of the names Sentry accepts in its place, such as <c>latest</c>.</summary>
    internal static string EventId(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new ArgumentException($"'{value}' is not an event id.", paramName);
            }
        }

        return value;
    }
}
