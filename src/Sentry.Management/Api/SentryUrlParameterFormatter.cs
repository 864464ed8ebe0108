using System.Reflection;
using Refit;

namespace Sentry.Management.Api;

/// <summary>
/// Formats query and path values the way Sentry expects, the one place that does: booleans as <c>true</c>/<c>false</c>
/// (not .NET's <c>True</c>), dates as ISO-8601 in UTC with a <c>Z</c> (the schema's date-time parameters), whatever
/// the offset they were given in.
/// </summary>
internal sealed class SentryUrlParameterFormatter : IUrlParameterFormatter
{
    private readonly DefaultUrlParameterFormatter _default = new();

    public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value switch
    {
        bool b => b ? "true" : "false",
        DateTimeOffset d => FormatDate(d),
        _ => _default.Format(value, attributeProvider, type),
    };

    /// <summary>A date as Sentry reads it in query parameters and in search queries (<c>lastSeen:&gt;…</c>): ISO-8601, UTC, <c>Z</c>.</summary>
    internal static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
