using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>Event and user counts of an issue in a scope (lifetime or filtered).</summary>
public sealed class IssueCounts : SentryModel
{
    /// <summary>The number of events, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Count { get; set; }

    /// <summary>The number of affected users.</summary>
    public long? UserCount { get; set; }

    /// <summary>When the first event was seen.</summary>
    public DateTimeOffset? FirstSeen { get; set; }

    /// <summary>When the last event was seen.</summary>
    public DateTimeOffset? LastSeen { get; set; }
}
