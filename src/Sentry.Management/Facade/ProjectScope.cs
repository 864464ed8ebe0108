namespace Sentry.Management;

/// <summary>The organization and project a project-level client is bound to.</summary>
internal sealed class ProjectScope
{
    internal ProjectScope(OrganizationScope organization, string slug)
    {
        Organization = organization;
        Slug = slug;
    }

    internal OrganizationScope Organization { get; }

    /// <summary>The project's slug, validated when the scope was created.</summary>
    internal string Slug { get; }

    internal TApi Api<TApi>()
        where TApi : class => Organization.Api<TApi>();
}
