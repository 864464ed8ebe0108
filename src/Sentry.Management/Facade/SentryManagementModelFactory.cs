using System.Net;

namespace Sentry.Management;

/// <summary>
/// Builds the models and errors a facade call returns, for unit tests that fake the facade (override a client's
/// virtual member and return one of these). Models have public setters, so only the shapes that take several nested
/// objects or required details to look real are here: a key with its DSN, a project with its teams, typed errors.
/// </summary>
public static class SentryManagementModelFactory
{
    /// <summary>An organization.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="name">The display name; the slug when <see langword="null"/>.</param>
    /// <param name="id">The numeric id.</param>
    /// <returns>The organization.</returns>
    public static Organization Organization(string slug, string? name = null, string id = "1") =>
        new() { Slug = slug, Name = name ?? slug, Id = id };

    /// <summary>A team.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="name">The display name; the slug when <see langword="null"/>.</param>
    /// <param name="id">The numeric id.</param>
    /// <returns>The team.</returns>
    public static Team Team(string slug, string? name = null, string id = "1") =>
        new() { Slug = slug, Name = name ?? slug, Id = id };

    /// <summary>A project owned by teams (the first is also <see cref="Project.Team"/>, as Sentry fills it).</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="platform">The platform, such as <c>csharp</c>.</param>
    /// <param name="teamSlugs">The owning teams.</param>
    /// <param name="id">The numeric id.</param>
    /// <returns>The project.</returns>
    public static Project Project(string slug, string? platform = null, IEnumerable<string>? teamSlugs = null, string id = "1")
    {
        var teams = (teamSlugs ?? []).Select(t => new SentryTeamReference { Slug = t, Name = t }).ToList();
        return new Project { Slug = slug, Name = slug, Platform = platform, Id = id, Teams = teams, Team = teams.FirstOrDefault() };
    }

    /// <summary>A client key with its public DSN, as <c>Keys.List()</c> or <c>Keys.CreateAsync()</c> return it.</summary>
    /// <param name="name">The key's name.</param>
    /// <param name="publicDsn">The DSN, <c>https://{public_key}@{host}/{project_id}</c>; the key's id and public key are taken from it.</param>
    /// <param name="isActive">Whether the key accepts events.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="publicDsn"/> is not a DSN.</exception>
    public static ProjectKey ProjectKey(string name, string publicDsn, bool isActive = true)
    {
        if (!Uri.TryCreate(publicDsn, UriKind.Absolute, out var dsn) || string.IsNullOrEmpty(dsn.UserInfo))
        {
            throw new ArgumentException("Not a DSN: expected https://{public_key}@{host}/{project_id}.", nameof(publicDsn));
        }

        var publicKey = dsn.UserInfo.Split(':')[0];
        return new ProjectKey
        {
            Id = publicKey,
            Public = publicKey,
            Name = name,
            Label = name,
            IsActive = isActive,
            ProjectId = dsn.AbsolutePath.Trim('/'),
            Dsn = new ProjectKeyDsn { Public = dsn },
        };
    }

    /// <summary>An issue of a project.</summary>
    /// <param name="id">The numeric id.</param>
    /// <param name="title">The title.</param>
    /// <param name="projectSlug">The project it belongs to.</param>
    /// <param name="status">The status; unresolved when <see langword="null"/>.</param>
    /// <returns>The issue.</returns>
    public static Issue Issue(string id, string title, string projectSlug, IssueStatus? status = null) =>
        new()
        {
            Id = id,
            Title = title,
            ShortId = $"{projectSlug.ToUpperInvariant()}-{id}",
            Status = status ?? IssueStatus.Unresolved,
            Project = new IssueProject { Slug = projectSlug, Name = projectSlug },
        };

    /// <summary>The error a call throws when Sentry answers 404 (the resource does not exist or the token cannot see it).</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path, such as <c>/api/0/projects/acme/backend/</c>.</param>
    /// <returns>The exception, to throw from a fake.</returns>
    public static SentryNotFoundException NotFound(string method, string path) =>
        new(Details(HttpStatusCode.NotFound, method, path, "The requested resource does not exist"));

    /// <summary>The error a call throws when Sentry answers 403 (the token lacks a scope or access).</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path.</param>
    /// <returns>The exception, to throw from a fake.</returns>
    public static SentryAuthorizationException Forbidden(string method, string path) =>
        new(Details(HttpStatusCode.Forbidden, method, path, "You do not have permission to perform this action."));

    /// <summary>The error a call throws when Sentry still answers 429 after the retries.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path.</param>
    /// <param name="retryAfter">What Sentry's <c>Retry-After</c> said.</param>
    /// <returns>The exception, to throw from a fake.</returns>
    public static SentryRateLimitedException RateLimited(string method, string path, TimeSpan? retryAfter = null) =>
        new(Details(HttpStatusCode.TooManyRequests, method, path, "You are attempting to use this endpoint too frequently."), retryAfter, null);

    private static SentryApiErrorDetails Details(HttpStatusCode status, string method, string path, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SentryApiErrorDetails { StatusCode = status, Method = method, Path = path, Detail = detail };
    }
}
