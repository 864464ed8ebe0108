using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>Sentry's answer at <c>/api/0/</c>: who the token belongs to and what it may do.</summary>
public sealed class ApiRoot : SentryModel
{
    /// <summary>The API version, <c>0</c>.</summary>
    public string? Version { get; set; }

    /// <summary>The user the token belongs to; <see langword="null"/> for organization tokens and integrations.</summary>
    public ApiUser? User { get; set; }

    /// <summary>The token's scopes.</summary>
    public ApiAuth? Auth { get; set; }
}

/// <summary>A user as the API root describes it.</summary>
public sealed class ApiUser : SentryModel
{
    /// <summary>The user's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The user's name.</summary>
    public string? Name { get; set; }

    /// <summary>The user's username.</summary>
    public string? Username { get; set; }

    /// <summary>The user's e-mail address.</summary>
    public string? Email { get; set; }
}

/// <summary>The token's authorization, as the API root describes it.</summary>
public sealed class ApiAuth : SentryModel
{
    /// <summary>The scopes the token carries, such as <c>org:read</c> or <c>project:releases</c>.</summary>
    public IReadOnlyList<string>? Scopes { get; set; }
}
