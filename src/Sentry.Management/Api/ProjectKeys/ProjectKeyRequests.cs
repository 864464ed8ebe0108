namespace Sentry.Management;

/// <summary>A new client key.</summary>
public sealed class ProjectKeyCreate
{
    /// <summary>The key's name.</summary>
    public string? Name { get; set; }

    /// <summary>A rate limit for the key.</summary>
    public ProjectKeyRateLimit? RateLimit { get; set; }

    /// <summary>What the key is for: <c>user</c> (default), <c>profiling</c>, <c>tempest</c> or <c>demo</c>.</summary>
    public string? UseCase { get; set; }
}

/// <summary>Changes to a client key. Only the properties that are set are sent.</summary>
public sealed class ProjectKeyUpdate
{
    /// <summary>A new name.</summary>
    public string? Name { get; set; }

    /// <summary>Enable or disable the key.</summary>
    public bool? IsActive { get; set; }

    /// <summary>A new rate limit.</summary>
    public ProjectKeyRateLimit? RateLimit { get; set; }

    /// <summary>The browser SDK version the loader serves: <c>latest</c> or <c>7.x</c>.</summary>
    public string? BrowserSdkVersion { get; set; }
}
