namespace Sentry.Management;

/// <summary>Checks and formats values the facade puts into URLs (values Refit formats, booleans and dates, go through SentryUrlParameterFormatter).</summary>
internal static class QueryValues
{
    /// <summary>A list for an optional repeated query parameter: <see langword="null"/> when empty, so the parameter is left out.</summary>
    internal static List<string>? NullIfEmpty(ICollection<string> values) => values.Count == 0 ? null : [.. values];

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
