using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sentry.Management;

namespace DocsSnippets;

internal static class GettingStarted
{
    internal static async Task FromEnvironment()
    {
        #region from-environment
        // Reads SENTRY_AUTH_TOKEN, SENTRY_ORG and SENTRY_URL like sentry-cli.
        using var sentry = SentryManagementClient.FromEnvironment();

        await foreach (var project in sentry.Projects.List())        // the SENTRY_ORG organization
        {
            Console.WriteLine($"{project.Slug} {project.Platform}");
        }

        await foreach (var project in sentry.Organization("other-org").Projects.List())   // any other one
        {
            Console.WriteLine(project.Slug);
        }
        #endregion
    }

    internal static void Register(IServiceCollection services, IConfiguration configuration)
    {
        #region di
        services.AddSentryManagement(configuration.GetSection("Sentry"))
            .HttpClient.AddHttpMessageHandler<MyAuditHandler>();   // optional: runs once per attempt

        // appsettings.json
        // "Sentry": { "authToken": "...", "organization": "acme", "url": "https://de.sentry.io", "dsn": "...", "release": "app@1.2.3" }
        // one section for management and capture: the seed's block binds unchanged (docs/capture.md lists every key)
        #endregion
    }

    internal static async Task Regions(SentryManagementClient sentry)
    {
        #region regions
        var acme = await sentry.OrganizationInRegionAsync("acme");   // reads its Links.RegionUrl once, then calls there
        await foreach (var project in acme.Projects.List())
        {
            Console.WriteLine(project.Slug);
        }

        var de = sentry.ForRegion(new Uri("https://de.sentry.io"));   // or name the region yourself
        #endregion
    }

    internal static async Task Pages(SentryManagementClient sentry)
    {
        #region pages
        var listing = sentry.Organization("acme").Projects.List(pages: new SentryPageOptions { MaxItems = 500 });
        await foreach (var page in listing.AsPages())
        {
            Console.WriteLine($"{page.Items.Count} projects; resume from {page.NextCursor ?? "(end)"}");
        }
        #endregion
    }

    internal static async Task Errors(SentryManagementClient sentry)
    {
        #region errors
        try
        {
            await sentry.Organization("acme").Project("backend").GetAsync();
        }
        catch (SentryNotFoundException)
        {
            Console.WriteLine("no such project, or the token cannot see it");
        }
        catch (SentryRateLimitedException e)
        {
            Console.WriteLine($"still rate limited after the retries; retry after {e.RetryAfter}");
        }
        #endregion
    }
}

#region release-job
public sealed class ReleaseJob(SentryManagementClient sentry)
{
    public Task<Release> FinalizeAsync(string version, DateTimeOffset released) =>
        sentry.Releases.FinalizeAsync(version, released);
}
#endregion

internal sealed class MyAuditHandler : DelegatingHandler;
