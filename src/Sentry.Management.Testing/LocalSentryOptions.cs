using Microsoft.Extensions.Logging;

namespace Sentry.Management.Testing;

/// <summary>How to start a <see cref="LocalSentry"/>: port, seeded names, credentials and where state is kept.</summary>
public sealed class LocalSentryOptions
{
    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The slug of the organization the server starts with. Default <c>local</c>.</summary>
    public string Organization { get; set; } = "local";

    /// <summary>The slug of the project the server starts with; issue short ids start with it (<c>APP-1</c>). Default <c>app</c>.</summary>
    public string Project { get; set; } = "app";

    /// <summary>
    /// The auth token the management API accepts. <see langword="null"/> (the default) generates one, or reuses the one
    /// kept in <see cref="DataFile"/>.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The public key of the project's DSN (32 hex characters). <see langword="null"/> (the default) generates one, or
    /// reuses the one kept in <see cref="DataFile"/>.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>
    /// A SQLite file that keeps the server's state across restarts. <see langword="null"/> (the default) keeps
    /// everything in memory.
    /// </summary>
    public string? DataFile { get; set; }

    /// <summary>Which generation of Sentry's alert API the server answers. Default <see cref="LocalSentryAlertApi.Both"/>.</summary>
    public LocalSentryAlertApi AlertApi { get; set; } = LocalSentryAlertApi.Both;

    /// <summary>
    /// Answer 410 Gone on the legacy issue alert rule endpoints (<c>/projects/{org}/{project}/rules/</c>), as Sentry's
    /// brownouts of that API do. Read on every request, so a test may flip it on a running server. Default off.
    /// </summary>
    public bool LegacyIssueAlertRulesGone { get; set; }

    /// <summary>
    /// The name of the Slack workspace the organization has installed (alert actions name it by its integration id).
    /// Default <c>local-workspace</c>.
    /// </summary>
    public string SlackWorkspace { get; set; } = "local-workspace";

    /// <summary>The GitHub organization the GitHub integration is installed on (external issues go to its repositories). Default <c>local-github</c>.</summary>
    public string GitHubOrganization { get; set; } = "local-github";

    /// <summary>The clock for timestamps and rate-limit windows; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the server logs; <see langword="null"/> (the default) logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks the options, naming the first one that is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range or malformed.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"{nameof(Port)} must be between 0 and 65535 (was {Port}).", nameof(Port));
        }

        CheckSlug(Organization, nameof(Organization));
        CheckSlug(Project, nameof(Project));
        if (AuthToken is not null && (AuthToken.Length == 0 || AuthToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new ArgumentException($"{nameof(AuthToken)} must be non-empty and contain no whitespace.", nameof(AuthToken));
        }

        if (PublicKey is not null && (PublicKey.Length != 32 || !PublicKey.All(char.IsAsciiHexDigitLower)))
        {
            throw new ArgumentException($"{nameof(PublicKey)} must be 32 lowercase hex characters.", nameof(PublicKey));
        }

        if (!Enum.IsDefined(AlertApi))
        {
            throw new ArgumentException($"{nameof(AlertApi)} '{AlertApi}' is not a known alert API.", nameof(AlertApi));
        }

        CheckSlug(SlackWorkspace, nameof(SlackWorkspace));
        CheckSlug(GitHubOrganization, nameof(GitHubOrganization));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    private static void CheckSlug(string? slug, string name)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 50 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
            || slug.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"{name} '{slug}' is not a valid slug (lowercase letters, digits, '-' and '_', up to 50 characters, not only digits).", name);
        }
    }
}
