namespace Sentry.Management.Testing.Storage;

/// <summary>An auth token the management API accepts as <c>Authorization: Bearer</c>.</summary>
internal sealed class StoredToken
{
    public required string Token { get; set; }

    public string Name { get; set; } = "local";

    public DateTimeOffset DateCreated { get; set; }
}
