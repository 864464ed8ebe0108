using System.Globalization;

namespace Sentry.Management.Mcp.Views;

/// <summary>How values read in markdown: invariant numbers, UTC timestamps, rates as percentages.</summary>
internal static class Format
{
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-";

    public static string? Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "no data";

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    public static string Or(string? value, string fallback = "-") => string.IsNullOrWhiteSpace(value) ? fallback : value;

    /// <summary>One line, bounded: titles and messages can be kilobytes long.</summary>
    public static string Short(string? value, int max = 200)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var line = value.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..max] + "…";
    }
}
