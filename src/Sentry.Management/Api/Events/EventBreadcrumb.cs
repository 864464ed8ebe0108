using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>Something that happened before the event: a log line, an HTTP call, a navigation, a click.</summary>
public sealed class EventBreadcrumb : SentryModel
{
    /// <summary>The kind, such as <c>default</c>, <c>http</c> or <c>navigation</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The category, such as <c>xhr</c> or <c>console</c>.</summary>
    public string? Category { get; set; }

    /// <summary>The level, such as <c>info</c>.</summary>
    public string? Level { get; set; }

    /// <summary>The message.</summary>
    public string? Message { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Kind-specific data (URL and status of an HTTP call, …).</summary>
    public JsonElement? Data { get; set; }

    /// <summary>The event the breadcrumb refers to, if any.</summary>
    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }
}
