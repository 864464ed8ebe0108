using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A Sentry project: where events of one application or service land.</summary>
public sealed class Project : SentryModel
{
    /// <summary>The numeric id, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The slug used in URLs.</summary>
    public string? Slug { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The platform, such as <c>csharp</c>, <c>python</c> or <c>javascript</c>.</summary>
    public string? Platform { get; set; }

    /// <summary>Platforms seen in the project's events.</summary>
    public IReadOnlyList<string>? Platforms { get; set; }

    /// <summary>When the project was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When the first event arrived; <see langword="null"/> when none has.</summary>
    public DateTimeOffset? FirstEvent { get; set; }

    /// <summary>Whether a transaction has ever arrived.</summary>
    public bool? FirstTransactionEvent { get; set; }

    /// <summary>Whether the current user bookmarked it.</summary>
    public bool? IsBookmarked { get; set; }

    /// <summary>Whether the current user is a member of one of its teams.</summary>
    public bool? IsMember { get; set; }

    /// <summary>Whether the current user can access it.</summary>
    public bool? HasAccess { get; set; }

    /// <summary>The project's status, such as <c>active</c>.</summary>
    public ProjectStatus? Status { get; set; }

    /// <summary>The first of its teams (older answers); prefer <see cref="Teams"/>.</summary>
    public SentryTeamReference? Team { get; set; }

    /// <summary>The teams that own the project.</summary>
    public IReadOnlyList<SentryTeamReference>? Teams { get; set; }

    /// <summary>Environments seen in the project's events.</summary>
    public IReadOnlyList<string>? Environments { get; set; }

    /// <summary>Feature flags enabled for the project.</summary>
    public IReadOnlyList<string>? Features { get; set; }

    /// <summary>The scopes the current token has in this project.</summary>
    public IReadOnlyList<string>? Access { get; set; }

    /// <summary>The organization, on the detailed answer.</summary>
    public Organization? Organization { get; set; }

    /// <summary>The project's avatar.</summary>
    public SentryAvatar? Avatar { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Project {Slug} ({Name})";
}

/// <summary>A project status. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The status as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<ProjectStatus>))]
public readonly record struct ProjectStatus(string Value) : ISentryEnum<ProjectStatus>
{
    /// <summary>The project is in use.</summary>
    public static ProjectStatus Active { get; } = new("active");

    /// <summary>The project is disabled.</summary>
    public static ProjectStatus Disabled { get; } = new("disabled");

    /// <summary>Deletion was requested.</summary>
    public static ProjectStatus PendingDeletion { get; } = new("pending_deletion");

    /// <summary>Deletion is running.</summary>
    public static ProjectStatus DeletionInProgress { get; } = new("deletion_in_progress");

    /// <inheritdoc />
    public static ProjectStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
