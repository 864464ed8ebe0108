using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>The answer to a short-id lookup (<c>PUMP-STATION-1</c> to its issue).</summary>
public sealed class IssueShortIdLookup : SentryModel
{
    /// <summary>The issue.</summary>
    public Issue? Group { get; set; }

    /// <summary>The issue's numeric id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? GroupId { get; set; }

    /// <summary>The organization's slug.</summary>
    public string? OrganizationSlug { get; set; }

    /// <summary>The project's slug.</summary>
    public string? ProjectSlug { get; set; }

    /// <summary>The short id that was looked up.</summary>
    public string? ShortId { get; set; }
}
