using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>A new project.</summary>
public sealed class ProjectCreate
{
    /// <summary>The display name (required).</summary>
    public required string Name { get; set; }

    /// <summary>The slug; Sentry derives one from the name when it is not given.</summary>
    public string? Slug { get; set; }

    /// <summary>The platform, such as <c>csharp</c> or <c>javascript-react</c>.</summary>
    public string? Platform { get; set; }

    /// <summary>Whether Sentry creates its default alert rule (on by default on Sentry's side).</summary>
    [JsonPropertyName("default_rules")]
    public bool? DefaultRules { get; set; }
}

/// <summary>Changes to a project. Only the properties that are set are sent.</summary>
public sealed class ProjectUpdate
{
    /// <summary>A new display name.</summary>
    public string? Name { get; set; }

    /// <summary>A new slug.</summary>
    public string? Slug { get; set; }

    /// <summary>A new platform.</summary>
    public string? Platform { get; set; }

    /// <summary>Bookmark or unbookmark for the current user.</summary>
    public bool? IsBookmarked { get; set; }

    /// <summary>The prefix of notification e-mail subjects.</summary>
    public string? SubjectPrefix { get; set; }

    /// <summary>The template of notification e-mail subjects.</summary>
    public string? SubjectTemplate { get; set; }

    /// <summary>Hours after which issues resolve themselves (0 to turn off).</summary>
    public int? ResolveAge { get; set; }

    /// <summary>Tags to highlight on issues.</summary>
    public IReadOnlyList<string>? HighlightTags { get; set; }

    /// <summary>Context keys to highlight on issues, by context name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? HighlightContext { get; set; }

    /// <summary>Create releases automatically from events.</summary>
    public bool? EnableAutoReleaseCreation { get; set; }

    /// <summary>Use source context from the linked repository.</summary>
    public bool? ScmSourceContextEnabled { get; set; }
}
