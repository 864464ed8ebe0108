using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>The result of merging issues.</summary>
public sealed class IssueMergeResult : SentryModel
{
    /// <summary>The issue the others were merged into.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Parent { get; set; }

    /// <summary>The issues merged into <see cref="Parent"/>.</summary>
    public IReadOnlyList<string>? Children { get; set; }
}
