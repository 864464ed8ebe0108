using Refit;

namespace Sentry.Management;

/// <summary>The organization an area client is bound to: a slug given to <see cref="SentryManagementClient.Organization"/>, or the configured default.</summary>
internal sealed class OrganizationScope
{
    private readonly string? _slug;

    /// <param name="context">The shared pipeline and options.</param>
    /// <param name="slug">A validated slug, or <see langword="null"/> for the configured default (checked on each call, so a client without one can still be created).</param>
    internal OrganizationScope(ManagementContext context, string? slug)
    {
        Context = context;
        _slug = slug;
    }

    internal ManagementContext Context { get; }

    internal string? SlugOrNull => _slug ?? Context.Options.Organization;

    internal int PageSize => Context.Options.PageSize;

    internal string Slug => _slug ?? Context.Options.Organization ?? throw new InvalidOperationException(
        "No organization: use sentry.Organization(\"slug\"), or set SentryManagementOptions.Organization (SENTRY_ORG) for the shortcuts such as sentry.Projects.");

    internal TApi Api<TApi>()
        where TApi : class => Context.Api<TApi>();

    internal static SentryPageable<T> Pageable<T>(Func<string?, CancellationToken, Task<IApiResponse<List<T>>>> fetch, SentryPageOptions? options) =>
        new(fetch, options);
}
