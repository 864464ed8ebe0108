using System.Globalization;

namespace Sentry.Management.Workflows.Doctor;

/// <summary>
/// Runs the checks of <see cref="SentryManagementClient.DiagnoseAsync"/> in the order a failure explains the next one
/// (no token, no organization; no project, no DSN) and turns each failure into a fix a person can act on.
/// </summary>
internal sealed class SentryDoctor(SentryManagementClient root, ManagementContext context, DiagnosisOptions options)
{
    private const string TestMessage = "Sentry.Management doctor: test event (safe to ignore)";

    private readonly List<DiagnosticCheck> _checks = [];

    private Uri BaseUrl => root.Options.BaseUrl;

    private string TokenPage => new Uri(BaseUrl, "/settings/account/api/auth-tokens/").ToString();

    internal async Task<SentryDiagnosis> RunAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var organization = options.Organization ?? root.Options.Organization;

        var identity = await CheckTokenAsync(organization, cancellationToken).ConfigureAwait(false);
        var scopes = identity is null ? [] : CheckScopes(identity.Scopes);
        var organizationOk = CheckOrganization(identity, organization);
        var projectOk = organizationOk && await CheckProjectAsync(organization!, cancellationToken).ConfigureAwait(false);
        await CheckIngestionAsync(organization, projectOk, cancellationToken).ConfigureAwait(false);
        await CheckReleasesAsync(identity, organization, projectOk, cancellationToken).ConfigureAwait(false);
        return new SentryDiagnosis(BaseUrl, _checks, scopes);
    }

    private async Task<SentryIdentity?> CheckTokenAsync(string? organization, CancellationToken cancellationToken)
    {
        try
        {
            var identity = await IdentityClient.CheckCoreAsync(context, organization, cancellationToken).ConfigureAwait(false);
            var who = identity.User is { } user ? $"user {user.Email ?? user.Username ?? user.Name} (id {user.Id})" : "an organization token";
            Add("token", DiagnosticStatus.Pass, $"valid, {who}; scopes {string.Join(", ", identity.Scopes)}");
            return identity;
        }
        catch (SentryAuthorizationException e)
        {
            Add("token", DiagnosticStatus.Fail, $"rejected by Sentry ({(int)e.StatusCode}: {e.Detail})", $"create a new token at {TokenPage} and set SENTRY_AUTH_TOKEN to it.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or SentryApiException)
        {
            Add("token", DiagnosticStatus.Fail, $"Sentry at {BaseUrl} could not be reached: {e.Message}", "check SENTRY_URL (https://sentry.io, a region such as https://de.sentry.io, or your self-hosted URL) and the network or proxy.");
        }

        return null;
    }

    private List<WorkflowScopeCheck> CheckScopes(IReadOnlyList<string> tokenScopes)
    {
        var checks = WorkflowScopes.Requirements
            .GroupBy(r => r.Workflow, StringComparer.Ordinal)
            .Select(g => new WorkflowScopeCheck(
                g.Key,
                [.. g.Select(r => r.Scope).Distinct(StringComparer.Ordinal)],
                [.. g.Select(r => r.Scope).Distinct(StringComparer.Ordinal).Where(s => !WorkflowScopes.IsGranted(s, tokenScopes))]))
            .ToList();
        var missing = checks.SelectMany(c => c.Missing).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            Add("scopes", DiagnosticStatus.Pass, "every workflow's scopes are granted");
        }
        else
        {
            var blocked = string.Join(", ", checks.Where(c => !c.Ok).Select(c => c.Workflow));
            Add("scopes", DiagnosticStatus.Warn, $"missing {string.Join(", ", missing)}, needed by: {blocked}", $"create a token with {string.Join(", ", missing)} at {TokenPage}.");
        }

        return checks;
    }

    private bool CheckOrganization(SentryIdentity? identity, string? organization)
    {
        if (identity is null)
        {
            Add("organization", DiagnosticStatus.Skipped, "the token could not be checked");
            return false;
        }

        if (organization is null)
        {
            Add("organization", DiagnosticStatus.Fail, "none configured", "set SENTRY_ORG (or SentryManagementOptions.Organization, or DiagnosisOptions.Organization) to the slug in your Sentry URL.");
            return false;
        }

        if (identity.Organization is { } found)
        {
            Add("organization", DiagnosticStatus.Pass, $"{found.Slug} ({found.Name}) reachable");
            return true;
        }

        Add("organization", DiagnosticStatus.Fail, $"'{organization}' cannot be read: {identity.OrganizationError}", $"check the slug (it is in your Sentry URL, {BaseUrl}organizations/<slug>/), and that the token belongs to a member of it or to it; with a region URL, use the region the organization lives in.");
        return false;
    }

    private async Task<bool> CheckProjectAsync(string organization, CancellationToken cancellationToken)
    {
        if (options.Project is not { } slug)
        {
            Add("project", DiagnosticStatus.Skipped, "no project given (DiagnosisOptions.Project)");
            return false;
        }

        try
        {
            var project = await root.Organization(organization).Project(slug).GetAsync(cancellationToken).ConfigureAwait(false);
            Add("project", DiagnosticStatus.Pass, $"{project.Slug} (id {project.Id}, {project.Platform ?? "no platform"}) reachable");
            return true;
        }
        catch (SentryNotFoundException)
        {
            Add("project", DiagnosticStatus.Fail, $"'{slug}' does not exist in {organization} or the token cannot see it", $"check the slug (org.Projects.List() lists them), or create it with org.BootstrapProjectAsync.");
        }
        catch (SentryAuthorizationException e)
        {
            Add("project", DiagnosticStatus.Fail, $"'{slug}' is not accessible: {e.Detail}", "use a token of a member of one of the project's teams, with project:read.");
        }

        return false;
    }

    private async Task CheckIngestionAsync(string? organization, bool projectOk, CancellationToken cancellationToken)
    {
        if (!options.SendTestEvent)
        {
            Add("ingestion", DiagnosticStatus.Skipped, "not asked for (DiagnosisOptions.SendTestEvent)");
            return;
        }

        var dsn = options.Dsn;
        if (dsn is null && projectOk)
        {
            dsn = await ActiveDsnAsync(organization!, cancellationToken).ConfigureAwait(false);
            if (dsn is null)
            {
                return;
            }
        }

        if (dsn is null)
        {
            Add("ingestion", DiagnosticStatus.Skipped, "no reachable project or DSN to send a test event to");
            return;
        }

        var capture = root.CreateCaptureClient(dsn, o => o.MaxRetries = 0);
        await using (capture.ConfigureAwait(false))
        {
            capture.CaptureMessage(TestMessage);
            var flushed = await capture.FlushAsync(options.IngestionTimeout, cancellationToken).ConfigureAwait(false);
            var delivered = capture.Counters.Delivered(SentryDataCategory.Error);
            var host = capture.Dsn.ToString();
            if (flushed && delivered > 0)
            {
                Add("ingestion", DiagnosticStatus.Pass, $"a test event sent to {host} was accepted");
                return;
            }

            var discarded = capture.Counters.DiscardedTotal(SentryDataCategory.Error);
            var why = discarded > 0 ? $"dropped ({discarded} discarded)" : flushed ? "not accepted" : $"not sent within {options.IngestionTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            Add("ingestion", DiagnosticStatus.Fail, $"a test event to {host} was {why}", "check that the DSN's host is reachable from here (firewall, proxy), the client key is active, and the project's rate limits and inbound filters.");
        }
    }

    private async Task<string?> ActiveDsnAsync(string organization, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var key in root.Organization(organization).Project(options.Project!).Keys.List(status: "active").WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (key.IsActive != false && key.Dsn?.Public is { } dsn)
                {
                    return dsn.ToString();
                }
            }

            Add("ingestion", DiagnosticStatus.Fail, $"project '{options.Project}' has no active client key", "create one (project.Keys.CreateAsync, or org.BootstrapProjectAsync), or enable a key in the project's Client Keys settings.");
        }
        catch (SentryApiException e) when (e is SentryNotFoundException or SentryAuthorizationException)
        {
            Add("ingestion", DiagnosticStatus.Fail, $"the project's client keys cannot be read: {e.Detail}", "give the token project:read, or pass the DSN as DiagnosisOptions.Dsn.");
        }

        return null;
    }

    private async Task CheckReleasesAsync(SentryIdentity? identity, string? organization, bool projectOk, CancellationToken cancellationToken)
    {
        if (identity is null)
        {
            Add("releases", DiagnosticStatus.Skipped, "the token could not be checked");
            return;
        }

        if (!WorkflowScopes.IsGranted("project:releases", identity.Scopes))
        {
            Add("releases", DiagnosticStatus.Fail, "the token may not create releases", $"create a token with project:releases (or an organization token, org:ci) at {TokenPage}.");
            return;
        }

        if (!options.CreateTestRelease || !projectOk)
        {
            Add("releases", DiagnosticStatus.Pass, "the token's scopes allow creating releases" + (options.CreateTestRelease ? " (no reachable project to prove it in)" : string.Empty));
            return;
        }

        var version = "sentry-management-doctor-" + context.TimeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var releases = root.Organization(organization!).Releases;
        try
        {
            await releases.CreateAsync(new ReleaseCreate { Version = version, Projects = [options.Project!] }, cancellationToken).ConfigureAwait(false);
            await releases.DeleteAsync(version, cancellationToken).ConfigureAwait(false);
            Add("releases", DiagnosticStatus.Pass, $"created and deleted release {version}");
        }
        catch (SentryApiException e)
        {
            Add("releases", DiagnosticStatus.Fail, $"creating (or deleting) test release {version} failed: {e.Detail ?? e.Message}", "check the token's project:releases scope and its access to the project; delete the test release if it remains.");
        }
    }

    private void Add(string name, DiagnosticStatus status, string detail, string? fix = null) => _checks.Add(new DiagnosticCheck(name, status, detail, fix));
}
