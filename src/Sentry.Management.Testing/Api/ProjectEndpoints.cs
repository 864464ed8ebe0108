namespace Sentry.Management.Testing.Api;

/// <summary>Project details (listing, creating and changing projects is the projects area's).</summary>
internal static class ProjectEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/projects/{org}/{project}/", GetAsync);
    }

    private static Task GetAsync(ApiContext context)
    {
        var organization = context.Organization();
        var project = context.Data.FindProject(organization, context.Route("project")) ?? throw ApiProblem.NotFound();
        return context.OkAsync(ProjectJson.Detail(project, organization, context.State));
    }
}
