using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An entry of an issue's activity log.</summary>
public sealed class IssueActivity : SentryModel
{
    /// <summary>The entry's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The kind of activity, such as <c>first_seen</c> or <c>set_resolved</c>.</summary>
    public string? Type { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>Kind-specific data.</summary>
    public JsonElement? Data { get; set; }

    /// <summary>Who did it; <see langword="null"/> for Sentry itself.</summary>
    public JsonElement? User { get; set; }
}
