using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>The project an issue belongs to, as embedded in the issue.</summary>
public sealed class IssueProject : SentryModel
{
    /// <summary>The project's id.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? Id { get; set; }

    /// <summary>The project's slug.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? Slug { get; set; }

    /// <summary>The project's name.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? Name { get; set; }

    /// <summary>The project's platform.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? Platform { get; set; }
}
