using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>Who an issue is assigned to: a user or a team.</summary>
public sealed class IssueAssignee : SentryModel
{
    /// <summary><c>user</c> or <c>team</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The user's or team's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The user's e-mail address (users only).</summary>
    public string? Email { get; set; }
}
