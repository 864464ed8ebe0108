using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A Sentry organization, the top of the hierarchy that owns teams, projects and members.</summary>
public sealed class Organization : SentryModel
{
    /// <summary>The numeric id, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The slug used in URLs.</summary>
    public string? Slug { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the organization is active or being deleted.</summary>
    public OrganizationStatusInfo? Status { get; set; }

    /// <summary>When the organization was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>Whether the organization opted into early-adopter features.</summary>
    public bool? IsEarlyAdopter { get; set; }

    /// <summary>Whether members must use two-factor authentication.</summary>
    [JsonPropertyName("require2FA")]
    public bool? Require2FA { get; set; }

    /// <summary>Whether single sign-on is configured.</summary>
    public bool? HasAuthProvider { get; set; }

    /// <summary>Whether members may invite others.</summary>
    public bool? AllowMemberInvite { get; set; }

    /// <summary>Whether members may create projects.</summary>
    public bool? AllowMemberProjectCreation { get; set; }

    /// <summary>The organization's avatar.</summary>
    public SentryAvatar? Avatar { get; set; }

    /// <summary>The organization's own URL and the URL of the region its data lives in.</summary>
    public OrganizationLinks? Links { get; set; }

    /// <summary>Feature flags enabled for the organization.</summary>
    public IReadOnlyList<string>? Features { get; set; }

    /// <summary>The scopes the current token has in this organization (on the detailed answer).</summary>
    public IReadOnlyList<string>? Access { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Organization {Slug} ({Name})";
}

/// <summary>The status of an organization, as Sentry reports it: an id and a display name.</summary>
public sealed class OrganizationStatusInfo : SentryModel
{
    /// <summary>The status id.</summary>
    public OrganizationStatus Id { get; set; }

    /// <summary>The status's display name.</summary>
    public string? Name { get; set; }
}

/// <summary>The URLs of an organization: its own host and the region API host to use for it.</summary>
public sealed class OrganizationLinks : SentryModel
{
    /// <summary>The organization's URL, such as <c>https://acme.sentry.io</c>.</summary>
    public Uri? OrganizationUrl { get; set; }

    /// <summary>The API URL of the region that holds the organization's data, such as <c>https://us.sentry.io</c>.</summary>
    public Uri? RegionUrl { get; set; }
}

/// <summary>An organization status. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The status as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<OrganizationStatus>))]
public readonly record struct OrganizationStatus(string Value) : ISentryEnum<OrganizationStatus>
{
    /// <summary>The organization is in use.</summary>
    public static OrganizationStatus Active { get; } = new("active");

    /// <summary>Deletion was requested and can still be cancelled.</summary>
    public static OrganizationStatus PendingDeletion { get; } = new("pending_deletion");

    /// <summary>Deletion is running.</summary>
    public static OrganizationStatus DeletionInProgress { get; } = new("deletion_in_progress");

    /// <inheritdoc />
    public static OrganizationStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
