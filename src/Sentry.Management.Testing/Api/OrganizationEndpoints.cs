namespace Sentry.Management.Testing.Api;

/// <summary>Organizations: list and details (members and teams live in their own areas).</summary>
internal static class OrganizationEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/", ListAsync);
        api.Get("/organizations/{org}/", GetAsync);
    }

    private static Task ListAsync(ApiContext context)
    {
        var query = context.Query("query");
        var organizations = context.Data.Organizations.All()
            .Where(o => query is null || o.Slug.Contains(query, StringComparison.OrdinalIgnoreCase) || o.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return context.PageAsync(organizations, o => OrganizationJson.Summary(o, context.State));
    }

    private static Task GetAsync(ApiContext context) =>
        context.OkAsync(OrganizationJson.Detail(context.Organization(), context.State));
}
