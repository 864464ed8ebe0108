using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Sentry.Management.Api;

namespace Sentry.Management.Tests.Contract.Live;

/// <summary>One covered operation, and a call through the real client that performs it with valid input.</summary>
/// <param name="Operation">The schema operation, <c>VERB /path/template/</c>; also the test's name.</param>
/// <param name="Call">Performs the call and checks the result: non-null, and for <see cref="IApiResponse{T}"/> deserialized without error.</param>
public sealed record LiveOperation(string Operation, Func<IServiceProvider, CancellationToken, Task> Call)
{
    public override string ToString() => Operation;
}

/// <summary>
/// Every covered operation, one line each, called against Prism by <c>LiveContractTests</c> (and against the local Sentry by Sentry.Management.Testing.Tests). Pass every
/// optional query parameter the method has, so Prism checks them too. When an area is added, add one line per
/// operation here (ApiCoverageTests fails until every covered operation has one).
/// </summary>
internal static class LiveOperations
{
    internal const string Org = "acme";
    internal const string Project = "backend";
    internal const string Team = "platform";
    internal const string KeyId = "60120449b6b1d5e45f75561e6dabd80b";
    internal const string Version = "backend@1.2.3";
    internal const string CommitSha = "a8bbbb3eeaed61fe8b4f5a7a8b4a8b1b7a8c1a2b";
    internal const string PreviousCommitSha = "f9c8b7a6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0";
    internal const string IssueId = "1234567890";
    internal const string ShortId = "BACKEND-1A";
    internal const string EventId = "9fac2ceed9344f2bbfdd1fdacb0ed9b1";
    internal const string TagKey = "browser";
    internal const string RuleId = "12345";
    internal const string AlertRuleId = "177104";
    internal const string WorkflowId = "4567";
    internal const string DetectorId = "7890";
    internal const string MemberId = "57377908164";
    internal const string IntegrationId = "24";
    internal const string RepositoryId = "5";

    private const string StartText = "2026-01-14T12:00:00Z";
    private const string EndText = "2026-01-15T12:00:00Z";
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse(StartText, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset End = DateTimeOffset.Parse(EndText, System.Globalization.CultureInfo.InvariantCulture);

    internal static readonly IReadOnlyList<LiveOperation> All =
    [
        // Organizations
        Api<IOrganizationsApi>.Call("GET /api/0/organizations/", (api, ct) => api.ListAsync(cursor: "0:100:0", query: "acme", owner: true, sortBy: "members", perPage: 100, ct)),
        Api<IOrganizationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/", (api, ct) => api.GetAsync(Org, detailed: "0", ct)),
        Api<IOrganizationsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/", (api, ct) => api.UpdateAsync(Org, new OrganizationUpdate { Name = "Acme", Slug = Org, Require2FA = true, ScrubIPAddresses = true, StoreCrashReports = 5, SensitiveFields = ["password"], SafeFields = ["order_id"], CancelDeletion = false }, ct)),

        // Projects
        Api<IProjectsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/projects/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", query: "back", perPage: 100, ct)),
        Api<IProjectsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/projects/", (api, ct) => api.CreateInOrganizationAsync(Org, new ProjectCreate { Name = "Backend", Slug = Project, Platform = "python", DefaultRules = true }, ct)),
        Api<IProjectsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/", (api, ct) => api.GetAsync(Org, Project, ct)),
        Api<IProjectsApi>.Call("PUT /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/", (api, ct) => api.UpdateAsync(Org, Project, new ProjectUpdate { Name = "Backend", Slug = Project, Platform = "python", IsBookmarked = true, SubjectPrefix = "[backend]", ResolveAge = 720, HighlightTags = ["release"], HighlightContext = new Dictionary<string, IReadOnlyList<string>> { ["os"] = ["name"] }, EnableAutoReleaseCreation = true, ScmSourceContextEnabled = false }, ct)),
        Api<IProjectsApi>.NoContent("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/", (api, ct) => api.DeleteAsync(Org, Project, ct)),
        Api<IProjectsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/", (api, ct) => api.ListTeamsAsync(Org, Project, cursor: "0:100:0", ct)),
        Api<IProjectsApi>.Call("POST /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/{team_id_or_slug}/", (api, ct) => api.AddTeamAsync(Org, Project, Team, ct)),
        Api<IProjectsApi>.Call("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/{team_id_or_slug}/", (api, ct) => api.RemoveTeamAsync(Org, Project, Team, ct)),
        Api<IProjectsApi>.Call("POST /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/projects/", (api, ct) => api.CreateAsync(Org, Team, new ProjectCreate { Name = "Backend", Slug = Project, Platform = "python", DefaultRules = false }, ct)),

        // Teams
        Api<ITeamsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/teams/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", query: "plat", detailed: "0", perPage: 100, ct)),
        Api<ITeamsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/teams/", (api, ct) => api.CreateAsync(Org, new TeamRequest { Slug = Team, Name = "Platform" }, ct)),
        Api<ITeamsApi>.Call("GET /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/", (api, ct) => api.GetAsync(Org, Team, expand: "projects", collapse: "organization", ct)),
        Api<ITeamsApi>.Call("PUT /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/", (api, ct) => api.UpdateAsync(Org, Team, new TeamRequest { Slug = "platform-eng", Name = "Platform Engineering" }, ct)),
        Api<ITeamsApi>.NoContent("DELETE /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/", (api, ct) => api.DeleteAsync(Org, Team, ct)),
        Api<ITeamsApi>.Call("GET /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/projects/", (api, ct) => api.ListProjectsAsync(Org, Team, cursor: "0:100:0", ct)),

        // Project keys
        Api<IProjectKeysApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/project-keys/", (api, ct) => api.ListForOrganizationAsync(Org, cursor: "0:100:0", team: Team, status: "active", ct)),
        Api<IProjectKeysApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/", (api, ct) => api.ListAsync(Org, Project, cursor: "0:100:0", status: "inactive", ct)),
        Api<IProjectKeysApi>.Call("POST /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/", (api, ct) => api.CreateAsync(Org, Project, new ProjectKeyCreate { Name = "CI", RateLimit = new ProjectKeyRateLimit { Count = 100, Window = 60 }, UseCase = "user" }, ct)),
        Api<IProjectKeysApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/", (api, ct) => api.GetAsync(Org, Project, KeyId, ct)),
        Api<IProjectKeysApi>.Call("PUT /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/", (api, ct) => api.UpdateAsync(Org, Project, KeyId, new ProjectKeyUpdate { Name = "CI", IsActive = false, RateLimit = new ProjectKeyRateLimit { Count = 10, Window = 3600 }, BrowserSdkVersion = "latest" }, ct)),
        Api<IProjectKeysApi>.NoContent("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/", (api, ct) => api.DeleteAsync(Org, Project, KeyId, ct)),

        // Releases, commits and deploys
        Api<IReleasesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/releases/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", project: ["1", Project], environment: ["production"], query: "1.2", perPage: 100, ct)),
        Api<IReleasesApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/releases/", (api, ct) => api.CreateAsync(Org, new ReleaseCreate { Version = Version, Projects = [Project], Ref = "v1.2.3", Url = new Uri("https://github.com/acme/backend/releases/tag/v1.2.3"), DateReleased = End, Commits = [new ReleaseCommitData { Id = CommitSha, Repository = "acme/backend", Message = "Fix the checkout", AuthorName = "Jane Doe", AuthorEmail = "jane@example.com", Timestamp = Start, PatchSet = [new ReleaseCommitPatch { Path = "src/checkout.py", Type = "M" }] }], Refs = [new ReleaseRef { Repository = "acme/backend", Commit = CommitSha, PreviousCommit = PreviousCommitSha }], Status = ReleaseStatus.Open, Owner = "jane@example.com" }, ct)),
        // health and adoptionStages stay null: Sentry only reads them as "1" (what the library sends), but the schema types
        // them as boolean, so Prism rejects 1 (see docs/releases.md).
        Api<IReleasesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/", (api, ct) => api.GetAsync(Org, Version, project: "1", health: null, adoptionStages: null, summaryStatsPeriod: "24h", healthStatsPeriod: "24h", sort: "date", status: "open", query: "1.2", ct)),
        Api<IReleasesApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/releases/{version}/", (api, ct) => api.UpdateAsync(Org, Version, new ReleaseUpdate { Ref = "v1.2.3", Url = new Uri("https://github.com/acme/backend/releases/tag/v1.2.3"), DateReleased = End, Commits = [new ReleaseCommitData { Id = CommitSha, Repository = "acme/backend" }], Refs = [new ReleaseRef { Repository = "acme/backend", Commit = CommitSha, PreviousCommit = PreviousCommitSha }] }, ct)),
        Api<IReleasesApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/releases/{version}/", (api, ct) => api.DeleteAsync(Org, Version, ct)),
        Api<IReleasesApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/", (api, ct) => api.ListForProjectAsync(Org, Project, cursor: "0:100:0", environment: ["production"], query: "1.2", perPage: 100, ct)),
        Api<IReleasesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/commits/", (api, ct) => api.ListCommitsAsync(Org, Version, cursor: "0:100:0", ct)),
        Api<IReleasesApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/", (api, ct) => api.ListProjectCommitsAsync(Org, Project, Version, cursor: "0:100:0", ct)),
        Api<IReleasesApi>.SchemaDeclaresNoBody(
            "GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/commitfiles/",
            "the schema's 200 has no content, but Sentry answers with a JSON array of changed files (CommitFileChangeSerializer), which ReleaseCommitFile models",
            (api, ct) => api.ListCommitFilesAsync(Org, Version, ct)),
        Api<IReleasesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/deploys/", (api, ct) => api.ListDeploysAsync(Org, Version, cursor: "0:100:0", ct)),
        Api<IReleasesApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/releases/{version}/deploys/", (api, ct) => api.CreateDeployAsync(Org, Version, new DeployCreate { Environment = "production", Name = "Deploy 42", Url = new Uri("https://ci.example.com/runs/42"), DateStarted = Start, DateFinished = End, Projects = [Project] }, ct)),

        // Stats (start/end are sent with statsPeriod only so that Prism checks every parameter; Sentry uses one or the other)
        Api<IStatsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/stats_v2/", (api, ct) => api.GetStatsV2Async(Org, groupBy: ["outcome", "category"], field: "sum(quantity)", statsPeriod: "24h", interval: "1h", start: Start, end: End, project: ["1"], category: "error", outcome: "accepted", reason: "none", ct)),
        Api<IStatsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/stats-summary/", (api, ct) => api.GetStatsSummaryAsync(Org, field: "sum(quantity)", statsPeriod: "24h", interval: "1h", start: Start, end: End, project: ["1"], category: "error", outcome: "accepted", reason: "none", ct)),
        Api<IStatsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/stats/", (api, ct) => api.GetProjectStatsAsync(Org, Project, stat: "received", since: Start.ToUnixTimeSeconds(), until: End.ToUnixTimeSeconds(), resolution: "1h", ct)),

        // Sessions
        Api<ISessionsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/sessions/", (api, ct) => api.GetAsync(Org, field: ["sum(session)", "crash_free_rate(session)"], start: Start, end: End, environment: ["production"], statsPeriod: "24h", project: ["1"], perPage: 10, interval: "1h", groupBy: ["project", "release"], orderBy: "-sum(session)", includeTotals: 1, includeSeries: 0, query: $"release:\"{Version}\"", ct)),

        // Issues
        Api<IIssuesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", query: "is:unresolved", environment: ["production"], project: ["1"], statsPeriod: "24h", start: Start, end: End, groupStatsPeriod: "24h", shortIdLookup: "1", viewId: "1", sort: "date", limit: 25, expand: ["owners", "inbox"], collapse: ["stats", "lifetime"], ct)),
        Api<IIssuesApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/issues/", (api, ct) => api.BulkUpdateAsync(Org, new IssueUpdate { Status = IssueStatus.Ignored, Substatus = IssueSubstatus.ArchivedUntilConditionMet, StatusDetails = new IssueStatusDetailsUpdate { IgnoreCount = 100, IgnoreWindow = 60 }, Priority = IssuePriority.Low }, id: [IssueId], query: "is:unresolved", environment: ["production"], project: ["1"], viewId: "1", sort: "date", limit: 25, ct)),
        Api<IIssuesApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/issues/", (api, ct) => api.BulkDeleteAsync(Org, id: [IssueId], query: "is:unresolved", environment: ["production"], project: ["1"], viewId: "1", sort: "date", limit: 25, ct)),
        Api<IIssuesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/", (api, ct) => api.GetAsync(Org, IssueId, environment: ["production"], expand: ["owners", "inbox"], collapse: ["release", "tags"], ct)),
        Api<IIssuesApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/", (api, ct) => api.UpdateAsync(Org, IssueId, new IssueUpdate { Status = IssueStatus.Resolved, StatusDetails = new IssueStatusDetailsUpdate { InCommit = new IssueCommitReference { Commit = CommitSha, Repository = "acme/backend" } }, AssignedTo = "team:1", HasSeen = true, IsBookmarked = true, IsSubscribed = true, IsPublic = false, Inbox = true }, ct)),
        Api<IIssuesApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/", (api, ct) => api.DeleteAsync(Org, IssueId, ct)),
        Api<IIssuesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/shortids/{issue_id}/", (api, ct) => api.ResolveShortIdAsync(Org, ShortId, collapse: ["stats"], ct)),
        Api<IIssuesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/", (api, ct) => api.GetTagAsync(Org, IssueId, TagKey, environment: ["production"], ct)),
        Api<IIssuesApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/values/", (api, ct) => api.ListTagValuesAsync(Org, IssueId, TagKey, sort: "count", environment: ["production"], ct)),
        // query and hashes together only so that Prism checks both; Sentry takes one or the other.
        Api<IIssuesApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/", (api, ct) => api.ListForProjectAsync(Org, Project, cursor: "0:100:0", query: "is:unresolved", statsPeriod: "24h", shortIdLookup: "true", hashes: "c4a4d06bc314205bb3b6bdb612dde7f1", sort: "date", limit: 25, ct)),
        Api<IIssuesApi>.Call("PUT /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/", (api, ct) => api.BulkUpdateInProjectAsync(Org, Project, new ProjectIssueBulkUpdate { Status = IssueStatus.Ignored, StatusDetails = new IssueStatusDetailsUpdate { IgnoreUserCount = 10, IgnoreUserWindow = 60 }, IgnoreDuration = 30, AssignedTo = "team:1", HasSeen = true, IsBookmarked = false, IsPublic = false, Merge = false }, id: [IssueId], status: "unresolved", ct)),
        Api<IIssuesApi>.NoContent("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/", (api, ct) => api.BulkDeleteInProjectAsync(Org, Project, id: [IssueId], ct)),

        // Events
        Api<IEventsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/", (api, ct) => api.ListForProjectAsync(Org, Project, cursor: "0:100:0", statsPeriod: "24h", start: StartText, end: EndText, full: true, sample: false, ct)),
        Api<IEventsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/{event_id}/", (api, ct) => api.GetAsync(Org, Project, EventId, environment: ["production"], ct)),
        Api<IEventsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/", (api, ct) => api.ListForIssueAsync(Org, IssueId, cursor: "0:100:0", query: "browser:Chrome", environment: ["production"], statsPeriod: "24h", start: StartText, end: EndText, full: true, sample: false, perPage: 50, ct)),
        Api<IEventsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/{event_id}/", (api, ct) => api.GetForIssueAsync(Org, IssueId, "latest", environment: ["production"], ct)),
        Api<IEventsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/hashes/", (api, ct) => api.ListHashesAsync(Org, IssueId, cursor: "0:100:0", full: false, ct)),
        Api<IEventsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/eventids/{event_id}/", (api, ct) => api.ResolveEventIdAsync(Org, EventId, ct)),

        // Alerts: issue alert rules
        Api<IAlertsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/", (api, ct) => api.ListIssueRulesAsync(Org, Project, cursor: "0:100:0", ct)),
        Api<IAlertsApi>.Call("POST /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/", (api, ct) => api.CreateIssueRuleAsync(Org, Project, IssueRule(), ct)),
        Api<IAlertsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/", (api, ct) => api.GetIssueRuleAsync(Org, Project, RuleId, ct)),
        Api<IAlertsApi>.Call("PUT /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/", (api, ct) => api.UpdateIssueRuleAsync(Org, Project, RuleId, IssueRule(), ct)),
        Api<IAlertsApi>.NoContent("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/", (api, ct) => api.DeleteIssueRuleAsync(Org, Project, RuleId, ct)),

        // Alerts: metric alert rules
        Api<IAlertsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/alert-rules/", (api, ct) => api.ListMetricRulesAsync(Org, ct)),
        Api<IAlertsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/alert-rules/", (api, ct) => api.CreateMetricRuleAsync(Org, MetricRule(), ct)),
        Api<IAlertsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/", (api, ct) => api.GetMetricRuleAsync(Org, AlertRuleId, ct)),
        Api<IAlertsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/", (api, ct) => api.UpdateMetricRuleAsync(Org, AlertRuleId, MetricRule(), ct)),
        Api<IAlertsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/", (api, ct) => api.DeleteMetricRuleAsync(Org, AlertRuleId, ct)),

        // Alerts: workflows
        Api<IAlertsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/workflows/", (api, ct) => api.ListWorkflowsAsync(Org, query: "name:Ops", sortBy: "name", id: [WorkflowId], project: ["1"], ct)),
        Api<IAlertsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/workflows/", (api, ct) => api.CreateWorkflowAsync(Org, WorkflowBody(), ct)),
        Api<IAlertsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/workflows/", (api, ct) => api.BulkUpdateWorkflowsAsync(Org, new EnabledUpdate { Enabled = false }, query: "name:Ops", id: [WorkflowId], project: ["1"], ct)),
        Api<IAlertsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/workflows/", (api, ct) => api.BulkDeleteWorkflowsAsync(Org, query: "name:Ops", id: [WorkflowId], project: ["1"], ct)),
        Api<IAlertsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/", (api, ct) => api.GetWorkflowAsync(Org, WorkflowId, ct)),
        Api<IAlertsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/", (api, ct) => api.UpdateWorkflowAsync(Org, WorkflowId, WorkflowBody(), ct)),
        Api<IAlertsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/", (api, ct) => api.DeleteWorkflowAsync(Org, WorkflowId, ct)),

        // Alerts: detectors
        Api<IAlertsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/detectors/", (api, ct) => api.ListDetectorsAsync(Org, query: "type:metric_issue", sortBy: "name", id: [DetectorId], project: ["1"], ct)),
        Api<IAlertsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/projects/{project_id_or_slug}/detectors/", (api, ct) => api.CreateDetectorAsync(Org, Project, DetectorBody(), ct)),
        Api<IAlertsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/detectors/", (api, ct) => api.BulkUpdateDetectorsAsync(Org, new EnabledUpdate { Enabled = true }, query: "type:metric_issue", id: [DetectorId], project: ["1"], ct)),
        Api<IAlertsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/detectors/", (api, ct) => api.BulkDeleteDetectorsAsync(Org, query: "type:metric_issue", id: [DetectorId], project: ["1"], ct)),
        Api<IAlertsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/", (api, ct) => api.GetDetectorAsync(Org, DetectorId, ct)),
        Api<IAlertsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/", (api, ct) => api.UpdateDetectorAsync(Org, DetectorId, DetectorBody(), ct)),
        Api<IAlertsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/", (api, ct) => api.DeleteDetectorAsync(Org, DetectorId, ct)),

        // Members
        Api<IMembersApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/members/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", ct)),
        Api<IMembersApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/members/", (api, ct) => api.InviteAsync(Org, new OrganizationMemberInvite { Email = "jane@example.com", OrgRole = "member", TeamRoles = [new MemberTeamRoleAssignment { TeamSlug = Team, Role = "contributor" }], SendInvite = false, Reinvite = false }, ct)),
        Api<IMembersApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/members/{member_id}/", (api, ct) => api.GetAsync(Org, MemberId, ct)),
        Api<IMembersApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/members/{member_id}/", (api, ct) => api.UpdateAsync(Org, MemberId, new OrganizationMemberUpdate { OrgRole = "manager", TeamRoles = [new MemberTeamRoleAssignment { TeamSlug = Team, Role = "admin" }] }, ct)),
        Api<IMembersApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/members/{member_id}/", (api, ct) => api.RemoveAsync(Org, MemberId, ct)),
        Api<IMembersApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/", (api, ct) => api.AddToTeamAsync(Org, MemberId, Team, ct)),
        Api<IMembersApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/", (api, ct) => api.UpdateTeamRoleAsync(Org, MemberId, Team, new MemberTeamRoleUpdate { TeamRole = "admin" }, ct)),
        Api<IMembersApi>.Call("DELETE /api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/", (api, ct) => api.RemoveFromTeamAsync(Org, MemberId, Team, ct)),
        Api<IMembersApi>.Call("GET /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/members/", (api, ct) => api.ListTeamMembersAsync(Org, Team, cursor: "0:100:0", ct)),

        // Integrations, repositories and external issues
        Api<IIntegrationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/integrations/", (api, ct) => api.ListAsync(Org, providerKey: "slack", features: ["alert-rule", "chat-unfurl"], includeConfig: false, cursor: "0:100:0", ct)),
        Api<IIntegrationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/integrations/{integration_id}/", (api, ct) => api.GetAsync(Org, IntegrationId, ct)),
        Api<IIntegrationsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/integrations/{integration_id}/", (api, ct) => api.DeleteAsync(Org, IntegrationId, ct)),
        Api<IIntegrationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/repos/", (api, ct) => api.ListRepositoriesAsync(Org, query: "backend", status: "active", integrationId: IntegrationId, expand: "settings", cursor: "0:100:0", ct)),
        Api<IIntegrationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/repos/{repo_id}/commits/", (api, ct) => api.ListRepositoryCommitsAsync(Org, RepositoryId, cursor: "0:100:0", ct)),
        Api<IIntegrationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/external-issues/", (api, ct) => api.ListExternalIssuesAsync(Org, IssueId, ct)),
        Api<IIntegrationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/", (api, ct) => api.GetIssueConfigAsync(Org, IssueId, IntegrationId, action: "create", ct)),
        Api<IIntegrationsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/", (api, ct) => api.CreateExternalIssueAsync(Org, IssueId, IntegrationId, new ExternalIssueCreate { Title = "Checkout fails", Description = "Seen 42 times" }, ct)),
        Api<IIntegrationsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/", (api, ct) => api.LinkExternalIssueAsync(Org, IssueId, IntegrationId, new ExternalIssueLinkRequest { ExternalIssue = "PROJ-42" }, ct)),
        Api<IIntegrationsApi>.NoContent("DELETE /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/", (api, ct) => api.UnlinkExternalIssueAsync(Org, IssueId, IntegrationId, externalIssue: "7", ct)),

        // Discover: the organization events table (start/end with statsPeriod only so that Prism checks every parameter)
        Api<IDiscoverApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/events/", (api, ct) => api.QueryAsync(Org, field: ["transaction", "p95(span.duration)"], dataset: "spans", end: End, environment: ["production"], project: ["1"], start: Start, statsPeriod: "24h", perPage: 10, query: $"is_transaction:true release:\"{Version}\"", sort: "-p95(span.duration)", cursor: "0:100:0", ct)),
    ];

    /// <summary>An issue alert rule as the schema's examples describe one: new issues, error level or worse, e-mail to the issue owners.</summary>
    private static IssueAlertRuleRequest IssueRule() => new()
    {
        Name = "New errors",
        Frequency = 30,
        ActionMatch = AlertRuleMatch.Any,
        FilterMatch = AlertRuleMatch.All,
        Conditions = [new IssueAlertRuleComponent(IssueAlertRuleComponent.FirstSeenEventCondition), new IssueAlertRuleComponent(IssueAlertRuleComponent.EventFrequencyCondition).With("value", 500).With("interval", "1h")],
        Filters = [new IssueAlertRuleComponent(IssueAlertRuleComponent.LevelFilter).With("match", "gte").With("level", "40")],
        Actions = [new IssueAlertRuleComponent(IssueAlertRuleComponent.NotifyEmailAction).With("targetType", "IssueOwners").With("fallthroughType", "ActiveMembers")],
        Environment = "production",
        Owner = "team:1",
    };

    /// <summary>A metric alert rule: more than 100 errors in an hour, critical at 100 and warning at 50, e-mail to a team.</summary>
    private static MetricAlertRuleRequest MetricRule() => new()
    {
        Name = "Too many errors",
        Aggregate = "count()",
        TimeWindow = 60,
        Projects = [Project],
        Query = "level:error",
        ThresholdType = 0,
        Triggers =
        [
            new MetricAlertTriggerRequest { Label = "critical", AlertThreshold = 100, Actions = [new MetricAlertActionRequest { Type = "email", TargetType = "team", TargetIdentifier = "1" }] },
            new MetricAlertTriggerRequest { Label = "warning", AlertThreshold = 50 },
        ],
        Environment = "production",
        Dataset = "events",
        QueryType = 0,
        EventTypes = ["error", "default"],
        ResolveThreshold = 10,
        Owner = "team:1",
    };

    /// <summary>A workflow (alert) as the schema's description shows one: first-seen trigger, level filter, e-mail action.</summary>
    private static WorkflowRequest WorkflowBody() => new()
    {
        Name = "Ops alert",
        Enabled = true,
        DetectorIds = [long.Parse(DetectorId, System.Globalization.CultureInfo.InvariantCulture)],
        Config = new Dictionary<string, JsonElement> { ["frequency"] = Json("30") },
        Environment = "production",
        Triggers = new ConditionGroupRequest { LogicType = "any-short", Conditions = [Json("""{"type": "first_seen_event", "comparison": true, "conditionResult": true}""")] },
        ActionFilters = [Json("""{"logicType": "any", "conditions": [{"type": "level", "comparison": {"level": 50, "match": "eq"}, "conditionResult": true}], "actions": [{"type": "email", "integrationId": null, "data": {}, "config": {"targetType": "user", "targetDisplay": null, "targetIdentifier": "56789"}}]}""")],
        Owner = "team:1",
    };

    /// <summary>A detector (monitor) as the schema's description shows one: a static threshold on the number of errors.</summary>
    private static DetectorRequest DetectorBody() => new()
    {
        Name = "Error count",
        Type = "metric_issue",
        Description = "More than 100 unresolved errors an hour",
        WorkflowIds = [long.Parse(WorkflowId, System.Globalization.CultureInfo.InvariantCulture)],
        DataSources = [Json("""{"aggregate": "count()", "dataset": "events", "environment": "production", "eventTypes": ["default", "error"], "query": "is:unresolved", "queryType": 0, "timeWindow": 3600}""")],
        Config = new Dictionary<string, JsonElement> { ["detectionType"] = Json("\"static\"") },
        ConditionGroup = new ConditionGroupRequest { LogicType = "any", Conditions = [Json("""{"type": "gt", "comparison": 100, "conditionResult": 75}"""), Json("""{"type": "lte", "comparison": 100, "conditionResult": 0}""")] },
        Owner = "team:1",
        Enabled = true,
    };

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Builds entries for one Refit interface, resolved from the test's ServiceProvider (the library's DI registration).</summary>
    /// <typeparam name="TApi">The Refit interface.</typeparam>
    internal static class Api<TApi>
        where TApi : class
    {
        /// <summary>A list endpoint: the page must be a success whose body deserialized.</summary>
        internal static LiveOperation Call<T>(string operation, Func<TApi, CancellationToken, Task<IApiResponse<T>>> call) =>
            new(operation, async (services, ct) =>
            {
                using var response = await call(services.GetRequiredService<TApi>(), ct);
                Assert.That(response.Error, Is.Null, () => $"{operation}: {response.Error}");
                Assert.That(response.IsSuccessful, Is.True, $"{operation}: HTTP {response.StatusCode}");
                Assert.That(response.Content, Is.Not.Null, $"{operation}: no body");
            });

        /// <summary>An endpoint returning one object: it must deserialize into our model.</summary>
        internal static LiveOperation Call<T>(string operation, Func<TApi, CancellationToken, Task<T>> call) =>
            new(operation, async (services, ct) =>
            {
                var result = await call(services.GetRequiredService<TApi>(), ct);
                Assert.That(result, Is.Not.Null, $"{operation}: no result");
            });

        /// <summary>
        /// An exception, for a list endpoint whose 200 answer the schema declares without content, so Prism answers with
        /// no body and there is nothing to deserialize: the request is still validated and must succeed. When the schema
        /// gains a body the check fails, so the exception cannot outlive its reason: use <see cref="Call{T}(string, Func{TApi, CancellationToken, Task{IApiResponse{T}}})"/> then.
        /// </summary>
        /// <param name="operation">The schema operation.</param>
        /// <param name="reason">Why the answer cannot be checked: what Sentry really sends.</param>
        /// <param name="call">The call.</param>
        internal static LiveOperation SchemaDeclaresNoBody<T>(string operation, string reason, Func<TApi, CancellationToken, Task<IApiResponse<T>>> call)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
            return new(operation, async (services, ct) =>
            {
                using var response = await call(services.GetRequiredService<TApi>(), ct);
                Assert.That(response.Error, Is.Null, () => $"{operation}: {response.Error}");
                Assert.That(response.IsSuccessful, Is.True, $"{operation}: HTTP {response.StatusCode}");
                Assert.That(response.Content, Is.Null, $"{operation}: the schema declares an answer body now; replace {nameof(SchemaDeclaresNoBody)} with {nameof(Call)} ({reason})");
            });
        }

        /// <summary>An endpoint answering 204 without a body.</summary>
        internal static LiveOperation NoContent(string operation, Func<TApi, CancellationToken, Task> call) =>
            new(operation, (services, ct) => call(services.GetRequiredService<TApi>(), ct));
    }
}
