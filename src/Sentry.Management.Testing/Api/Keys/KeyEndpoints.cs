using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Keys;

/// <summary>
/// Client keys: list (per project and across the organization), create, details, update (name, active, rate
/// limit), delete. Ingestion authenticates against the same collection, so a new key works at once.
/// </summary>
internal static class KeyEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/projects/{org}/{project}/keys/", ListAsync);
        routes.Post("/projects/{org}/{project}/keys/", CreateAsync);
        routes.Get("/projects/{org}/{project}/keys/{key_id}/", GetAsync);
        routes.Put("/projects/{org}/{project}/keys/{key_id}/", UpdateAsync);
        routes.Delete("/projects/{org}/{project}/keys/{key_id}/", DeleteAsync);
        routes.Get("/organizations/{org}/project-keys/", ListForOrganizationAsync);
    }

    public static StoredKey NewKey(StoredProject project, string name, DateTimeOffset now) => new()
    {
        Public = Seed.NewHex(16),
        Secret = Seed.NewHex(16),
        ProjectId = project.Id,
        Name = name,
        DateCreated = now,
    };

    private static Func<StoredKey, bool> StatusFilter(ApiContext c) => c.Query("status") switch
    {
        null => _ => true,
        "active" => k => k.IsActive,
        "inactive" => k => !k.IsActive,
        _ => throw ApiFieldProblem.Field("status", "\"" + c.Query("status") + "\" is not a valid choice."),
    };

    private static Task ListAsync(ApiContext c)
    {
        var project = c.Project();
        var filter = StatusFilter(c);
        return c.PageAsync(c.Data.Keys.All().Where(k => k.ProjectId == project.Id && filter(k)).ToList(), k => KeyJson.Write(k, c.State));
    }

    private static Task ListForOrganizationAsync(ApiContext c)
    {
        var organization = c.Organization();
        var filter = StatusFilter(c);
        var projects = c.Data.ProjectsOf(organization).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return c.PageAsync(c.Data.Keys.All().Where(k => projects.Contains(k.ProjectId) && filter(k)).ToList(), k => KeyJson.Write(k, c.State));
    }

    private static StoredKey Key(ApiContext c, StoredProject project) =>
        c.Data.Keys.Find(c.Route("key_id")) is { } key && key.ProjectId == project.Id ? key : throw ApiProblem.NotFound();

    private static async Task CreateAsync(ApiContext c)
    {
        var project = c.Project();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var key = NewKey(project, body.String("name") ?? "Default", c.Now);
        if (body.String("public") is { } given)
        {
            if (given.Length != 32 || !given.All(char.IsAsciiHexDigitLower))
            {
                throw ApiFieldProblem.Field("public", "The public key must be 32 lowercase hex characters.");
            }

            key.Public = given;
        }

        if (body.String("secret") is { } secret)
        {
            key.Secret = secret;
        }

        SetRateLimit(key, body);
        lock (c.Data.Gate)
        {
            if (c.Data.Keys.Find(key.Public) is not null)
            {
                throw ApiFieldProblem.Field("public", "A key with this public key already exists.");
            }

            c.Data.Keys.Upsert(key);
        }

        await c.OkAsync(KeyJson.Write(key, c.State), 201).ConfigureAwait(false);
    }

    private static Task GetAsync(ApiContext c) => c.OkAsync(KeyJson.Write(Key(c, c.Project()), c.State));

    private static async Task UpdateAsync(ApiContext c)
    {
        var key = Key(c, c.Project());
        var body = await c.BodyAsync().ConfigureAwait(false);
        lock (c.Data.Gate)
        {
            key.Name = body.String("name") ?? key.Name;
            key.IsActive = body.Bool("isActive") ?? key.IsActive;
            SetRateLimit(key, body);
            c.Data.Keys.Upsert(key);
        }

        await c.OkAsync(KeyJson.Write(key, c.State)).ConfigureAwait(false);
    }

    /// <summary><c>rateLimit: {window, count}</c> sets the limit, <c>null</c> clears it, absence keeps it.</summary>
    private static void SetRateLimit(StoredKey key, JsonObject body)
    {
        if (!body.Has("rateLimit"))
        {
            return;
        }

        if (body.Object("rateLimit") is not { } limit)
        {
            key.RateLimitWindow = key.RateLimitCount = null;
            return;
        }

        var window = limit.Int("window");
        var count = limit.Int("count");
        if (window is null or < 0 || count is null or < 0)
        {
            throw ApiFieldProblem.Field("rateLimit", "window and count must both be non-negative integers.");
        }

        key.RateLimitWindow = window;
        key.RateLimitCount = count;
    }

    private static Task DeleteAsync(ApiContext c)
    {
        var key = Key(c, c.Project());
        c.Data.Keys.Remove(key.Public);
        return c.NoContentAsync();
    }
}
