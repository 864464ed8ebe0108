namespace Sentry.Management;

/// <summary>The user an event happened to, as shown on the issue page.</summary>
/// <remarks>With <see cref="SentryCaptureOptions.SendDefaultPii"/> off, <see cref="Email"/> and <see cref="IpAddress"/> are not sent.</remarks>
public sealed class CaptureUser
{
    /// <summary>The application's id for the user.</summary>
    public string? Id { get; init; }

    /// <summary>The user's login name.</summary>
    public string? Username { get; init; }

    /// <summary>The user's email address (personal data: sent only with <c>SendDefaultPii</c>).</summary>
    public string? Email { get; init; }

    /// <summary>The user's IP address (personal data: sent only with <c>SendDefaultPii</c>).</summary>
    public string? IpAddress { get; init; }
}
