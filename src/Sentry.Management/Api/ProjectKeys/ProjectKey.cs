using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>
/// A client key (DSN) of a project. <see cref="ToString"/> shows only the public parts: the secret key and the
/// secret DSN never appear in logs by accident.
/// </summary>
public sealed class ProjectKey : SentryModel
{
    /// <summary>The key's id (its public key).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The key's name.</summary>
    public string? Name { get; set; }

    /// <summary>The key's label (usually the name).</summary>
    public string? Label { get; set; }

    /// <summary>The public key, the part of a DSN before the <c>@</c>.</summary>
    public string? Public { get; set; }

    /// <summary>The legacy secret key. Treat as a credential.</summary>
    public string? Secret { get; set; }

    /// <summary>The id of the project the key belongs to.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ProjectId { get; set; }

    /// <summary>Whether the key accepts events.</summary>
    public bool? IsActive { get; set; }

    /// <summary>The key's own rate limit; <see langword="null"/> when it has none.</summary>
    public ProjectKeyRateLimit? RateLimit { get; set; }

    /// <summary>The key's DSNs and endpoints.</summary>
    public ProjectKeyDsn? Dsn { get; set; }

    /// <summary>The browser SDK version served by the loader script.</summary>
    public string? BrowserSdkVersion { get; set; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>What the key is for, such as <c>user</c> or <c>profiling</c>.</summary>
    public string? UseCase { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ProjectKey {Name} ({Dsn?.Public?.ToString() ?? Public})";
}

/// <summary>A key's rate limit: at most <see cref="Count"/> events per <see cref="Window"/> seconds.</summary>
public sealed class ProjectKeyRateLimit : SentryModel
{
    /// <summary>The window in seconds.</summary>
    public int? Window { get; set; }

    /// <summary>The events allowed per window.</summary>
    public int? Count { get; set; }
}

/// <summary>The DSNs and endpoints of a key.</summary>
public sealed class ProjectKeyDsn : SentryModel
{
    /// <summary>The public DSN, what SDKs are configured with.</summary>
    public Uri? Public { get; set; }

    /// <summary>The legacy DSN with the secret key. Treat as a credential.</summary>
    public Uri? Secret { get; set; }

    /// <summary>The Content-Security-Policy report endpoint.</summary>
    public Uri? Csp { get; set; }

    /// <summary>The security report endpoint.</summary>
    public Uri? Security { get; set; }

    /// <summary>The minidump upload endpoint.</summary>
    public Uri? Minidump { get; set; }

    /// <summary>The JavaScript loader script URL.</summary>
    public Uri? Cdn { get; set; }

    /// <summary>The cron check-in endpoint.</summary>
    public Uri? Crons { get; set; }

    /// <inheritdoc />
    public override string ToString() => Public?.ToString() ?? string.Empty;
}
