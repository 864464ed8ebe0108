using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A short reference to a team, as embedded in projects.</summary>
public sealed class SentryTeamReference : SentryModel
{
    /// <summary>The team's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The team's slug.</summary>
    public string? Slug { get; set; }

    /// <summary>The team's display name.</summary>
    public string? Name { get; set; }
}
