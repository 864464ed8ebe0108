using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>The answer to an event-id lookup: the event and where it lives.</summary>
public sealed class EventIdLookup : SentryModel
{
    /// <summary>The event.</summary>
    public Event? Event { get; set; }

    /// <summary>The event's id.</summary>
    public string? EventId { get; set; }

    /// <summary>The issue the event belongs to.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? GroupId { get; set; }

    /// <summary>The organization's slug.</summary>
    public string? OrganizationSlug { get; set; }

    /// <summary>The project's slug.</summary>
    public string? ProjectSlug { get; set; }
}
