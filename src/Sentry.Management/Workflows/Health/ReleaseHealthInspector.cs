using System.Globalization;
using System.Text.Json;
using Sentry.Management.Workflows.Releases;

namespace Sentry.Management.Workflows.Health;

/// <summary>
/// Gathers a release's health from the sessions endpoint (crash-free rates, adoption), the events table (errors, p95
/// transaction duration) and issue search (new issues), and judges it against <see cref="ReleaseHealthOptions"/>.
/// </summary>
internal sealed class ReleaseHealthInspector(OrganizationClient organization, string version, ReleaseHealthOptions options)
{
    // Counting new issues needs only whether there are some and roughly how many; a page or two is enough.
    private const int MaxNewIssuesCounted = 100;

    private readonly List<string> _problems = [];

    internal async Task<ReleaseHealthReport> InspectAsync(CancellationToken cancellationToken)
    {
        var release = await GetReleaseAsync(version, cancellationToken).ConfigureAwait(false);
        var period = options.StatsPeriod;
        var projects = options.Projects.ToList();

        var current = await ReleaseSessionsAsync(period, projects, cancellationToken).ConfigureAwait(false);
        var group = current.Groups is { Count: > 0 } groups ? groups[0] : null;
        var all = await organization.Sessions.GetCrashFreeRatesAsync(null, options.Environment, period, projects, cancellationToken).ConfigureAwait(false);
        var errors = await OptionalAsync("error count", () => ErrorCountAsync(version, period, projects, cancellationToken)).ConfigureAwait(false);
        var p95 = await OptionalAsync("p95 transaction duration", () => P95Async(version, period, projects, cancellationToken)).ConfigureAwait(false);
        var newIssues = await OptionalAsync("new issues", () => NewIssuesAsync(period, projects, cancellationToken)).ConfigureAwait(false);

        var previous = await PreviousAsync(release, period, projects, cancellationToken).ConfigureAwait(false);

        var sessions = group?.Total(SessionFields.Sessions);
        var users = group?.Total(SessionFields.Users);
        var report = new ReleaseHealthReport
        {
            Version = version,
            Window = period,
            Environment = options.Environment,
            CrashFreeSessions = group?.Total(SessionFields.CrashFreeSessionRate),
            CrashFreeUsers = group?.Total(SessionFields.CrashFreeUserRate),
            Sessions = sessions,
            Users = users,
            CrashFreeSessionSeries = group?.Series is { } series && series.TryGetValue(SessionFields.CrashFreeSessionRate, out var points) ? points : [],
            Intervals = current.Intervals ?? [],
            Errors = errors is { } e ? (long)e : null,
            SessionAdoption = Share(sessions, all.Sessions),
            UserAdoption = Share(users, all.Users),
            NewIssues = newIssues is { } n ? (int)n : null,
            P95DurationMs = p95,
            Previous = previous,
            Problems = _problems,
        };
        var alerts = Alerts(report);
        return report with { Alerts = alerts, Recommendation = Recommend(report, alerts) };
    }

    private async Task<Release> GetReleaseAsync(string releaseVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await organization.Releases.GetAsync(releaseVersion, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SentryNotFoundException e)
        {
            throw new ArgumentException($"Release '{releaseVersion}' does not exist in organization '{organization.Slug}' (or the token cannot see it).", nameof(releaseVersion), e);
        }
    }

    private Task<SessionsResult> ReleaseSessionsAsync(string period, List<string> projects, CancellationToken cancellationToken)
    {
        var query = new SessionsQuery
        {
            StatsPeriod = period,
            Interval = options.Resolution,
            Query = SessionsClient.ReleaseFilter(version),
            Fields = { SessionFields.CrashFreeSessionRate, SessionFields.CrashFreeUserRate, SessionFields.Sessions, SessionFields.Users },
        };
        if (options.Environment is { } environment)
        {
            query.Environments.Add(environment);
        }

        foreach (var project in projects)
        {
            query.Projects.Add(project);
        }

        return organization.Sessions.GetAsync(query, cancellationToken);
    }

    private async Task<ReleaseHealthBaseline?> PreviousAsync(Release release, string period, List<string> projects, CancellationToken cancellationToken)
    {
        var previousVersion = options.PreviousVersion;
        if (previousVersion is null)
        {
            var slugs = release.Projects?.Select(p => p.Slug).OfType<string>().ToList() ?? [];
            var found = await PreviousRelease.FindAsync(organization, version, slugs, release.DateCreated, withCommits: false, cancellationToken).ConfigureAwait(false);
            previousVersion = found?.Version;
        }

        if (previousVersion is null)
        {
            return null;
        }

        var rates = await organization.Sessions.GetCrashFreeRatesAsync(previousVersion, options.Environment, period, projects, cancellationToken).ConfigureAwait(false);
        var p95 = await OptionalAsync("p95 transaction duration of " + previousVersion, () => P95Async(previousVersion, period, projects, cancellationToken)).ConfigureAwait(false);
        return new ReleaseHealthBaseline(previousVersion, rates.CrashFreeSessions, rates.CrashFreeUsers, p95);
    }

    private Task<double?> ErrorCountAsync(string releaseVersion, string period, List<string> projects, CancellationToken cancellationToken) =>
        SingleValueAsync("count()", "errors", SessionsClient.ReleaseFilter(releaseVersion), period, projects, cancellationToken);

    private Task<double?> P95Async(string releaseVersion, string period, List<string> projects, CancellationToken cancellationToken) =>
        SingleValueAsync("p95(span.duration)", "spans", "is_transaction:true " + SessionsClient.ReleaseFilter(releaseVersion), period, projects, cancellationToken);

    private async Task<double?> SingleValueAsync(string field, string dataset, string query, string period, List<string> projects, CancellationToken cancellationToken)
    {
        var page = await organization.Discover.QueryAsync(
            new DiscoverQuery
            {
                Fields = [field],
                Dataset = dataset,
                Query = query,
                StatsPeriod = period,
                Environments = options.Environment is { } environment ? [environment] : null,
                Projects = projects.Count > 0 ? projects : null,
                PerPage = 1,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.Rows.Count > 0 && page.Rows[0].TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    private async Task<double?> NewIssuesAsync(string period, List<string> projects, CancellationToken cancellationToken)
    {
        var filter = new IssueQuery
        {
            // first-release takes the same quoted value as release.
            Query = "first-" + SessionsClient.ReleaseFilter(version),
            StatsPeriod = period,
            Environments = options.Environment is { } environment ? [environment] : null,
            Projects = projects.Count > 0 ? projects : null,
        };
        var count = 0;
        var issues = organization.Issues.List(new IssueListOptions { Filter = filter }, new SentryPageOptions { MaxItems = MaxNewIssuesCounted });
        await foreach (var _ in issues.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>A measure the report can do without: Sentry refusing it (an older install without the spans dataset) is noted, not fatal.</summary>
    private async Task<double?> OptionalAsync(string what, Func<Task<double?>> measure)
    {
        try
        {
            return await measure().ConfigureAwait(false);
        }
        catch (SentryApiException e) when (e is not SentryAuthorizationException { IsForbidden: false } and not SentryRateLimitedException)
        {
            _problems.Add($"{what}: {e.Detail ?? e.Message}");
            return null;
        }
    }

    private List<ReleaseHealthAlert> Alerts(ReleaseHealthReport report)
    {
        var alerts = new List<ReleaseHealthAlert>();
        var threshold = ReleaseHealthReport.Percent(options.CrashFreeThreshold);
        if (report.CrashFreeSessions < options.CrashFreeThreshold)
        {
            alerts.Add(new("crash-free-sessions", ReleaseHealthSeverity.Critical, $"crash-free sessions {ReleaseHealthReport.Percent(report.CrashFreeSessions)} are under {threshold}"));
        }

        if (report.CrashFreeUsers < options.CrashFreeThreshold)
        {
            alerts.Add(new("crash-free-users", ReleaseHealthSeverity.Critical, $"crash-free users {ReleaseHealthReport.Percent(report.CrashFreeUsers)} are under {threshold}"));
        }

        if (report.CrashFreeSessionsDelta < -options.CrashFreeDropThreshold)
        {
            alerts.Add(new("crash-free-drop", ReleaseHealthSeverity.Warning, string.Create(CultureInfo.InvariantCulture, $"crash-free sessions dropped {-report.CrashFreeSessionsDelta * 100:0.##} points against {report.Previous!.Version}")));
        }

        if (report.P95Change > options.P95RegressionThreshold)
        {
            alerts.Add(new("p95-regression", ReleaseHealthSeverity.Warning, string.Create(CultureInfo.InvariantCulture, $"p95 transaction duration is {report.P95Change * 100:0.#} % slower than {report.Previous!.Version} ({report.Previous.P95DurationMs:0.#} -> {report.P95DurationMs:0.#} ms)")));
        }

        if (report.NewIssues >= options.NewIssuesThreshold)
        {
            alerts.Add(new("new-issues", ReleaseHealthSeverity.Warning, $"{report.NewIssues} new issue(s) first seen in this release"));
        }

        return alerts;
    }

    private static ReleaseHealthRecommendation Recommend(ReleaseHealthReport report, List<ReleaseHealthAlert> alerts) =>
        alerts.Any(a => a.Severity == ReleaseHealthSeverity.Critical) ? ReleaseHealthRecommendation.RollBack
        : alerts.Count > 0 ? ReleaseHealthRecommendation.Watch
        : report.Sessions is null or 0 ? ReleaseHealthRecommendation.NoData
        : ReleaseHealthRecommendation.Healthy;

    private static double? Share(double? part, double? whole) => part is { } p && whole is { } w && w > 0 ? Math.Min(1, p / w) : null;
}
