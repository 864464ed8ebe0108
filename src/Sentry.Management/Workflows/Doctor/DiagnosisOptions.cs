
namespace Sentry.Management;

/// <summary>What <see cref="SentryManagementClient.DiagnoseAsync"/> checks beyond the token and its scopes.</summary>
public sealed class DiagnosisOptions
{
    /// <summary>The organization to check; <see cref="SentryManagementOptions.Organization"/> (<c>SENTRY_ORG</c>) when unset.</summary>
    public string? Organization { get; set; }

    /// <summary>A project to check: reachable, and (with <see cref="SendTestEvent"/>) accepting events through its DSN.</summary>
    public string? Project { get; set; }

    /// <summary>The DSN to send the test event to; the project's first active key when unset.</summary>
    public string? Dsn { get; set; }

    /// <summary>Send one test event and check Sentry accepted it (on by default; needs <see cref="Project"/> or <see cref="Dsn"/>).</summary>
    public bool SendTestEvent { get; set; } = true;

    /// <summary>How long to wait for the test event to be accepted (default 10 seconds).</summary>
    public TimeSpan IngestionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Prove release creation by creating a release in <see cref="Project"/> and deleting it again. Off by default:
    /// without it only the token's scopes are checked, so no stray releases appear.
    /// </summary>
    public bool CreateTestRelease { get; set; }

    /// <summary>Throws naming the first bad setting.</summary>
    internal void Validate()
    {
        if (Organization is not null)
        {
            SentrySlug.Validate(Organization, nameof(Organization));
        }

        if (Project is not null)
        {
            SentrySlug.Validate(Project, nameof(Project));
        }

        if (Dsn is not null && !SentryDsn.TryParse(Dsn, out _, out var dsnError))
        {
            throw new ArgumentException("DiagnosisOptions.Dsn is not a valid DSN: " + dsnError, nameof(Dsn));
        }

        if (IngestionTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IngestionTimeout), IngestionTimeout, "The ingestion timeout must be positive.");
        }

    }
}
