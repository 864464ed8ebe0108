using Sentry.Management.Testing.Api;

namespace Sentry.Management.Testing.Hosting;

/// <summary>
/// The one list of management API areas. A new area is a static class <c>Api/&lt;Area&gt;Endpoints.cs</c> with a
/// <c>Map(ApiRouteBuilder api)</c> method, and one line here.
/// </summary>
internal static class EndpointAreas
{
    public static void Map(ApiRouteBuilder api)
    {
        OrganizationEndpoints.Map(api);
        ProjectEndpoints.Map(api);
        IssueEndpoints.Map(api);
        EventEndpoints.Map(api);
        TagEndpoints.Map(api);
        NoteEndpoints.Map(api);
        StatsEndpoints.Map(api);
        SessionEndpoints.Map(api);
        DiscoverEndpoints.Map(api);
        Api.Members.RootEndpoints.Map(api);
        Api.Members.MemberEndpoints.Map(api);
        Api.Teams.TeamEndpoints.Map(api);
        Api.Projects.ProjectAdminEndpoints.Map(api);
        Api.Keys.KeyEndpoints.Map(api);
        Api.Releases.ReleaseEndpoints.Map(api);
        Api.Releases.CommitEndpoints.Map(api);
        Api.Alerts.WorkflowEndpoints.Map(api);
        Api.Alerts.DetectorEndpoints.Map(api);
        Api.Alerts.IssueRuleEndpoints.Map(api);
        Api.Alerts.MetricRuleEndpoints.Map(api);
        Api.Integrations.IntegrationEndpoints.Map(api);
    }
}
