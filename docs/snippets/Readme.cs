using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sentry.Management;

namespace DocsSnippets;

internal static class Readme
{
    internal static async Task UseIt()
    {
        #region use-it
        using var sentry = SentryManagementClient.FromEnvironment();   // SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_URL

        var who = await sentry.Identity.CheckAsync();                   // who am I, can I reach SENTRY_ORG?
        await foreach (var p in sentry.Organization("acme").Projects.List())   // pages fetched lazily
            Console.WriteLine(p.Slug);

        var key = await sentry.Organization("acme").Project("backend").Keys.CreateAsync(new() { Name = "ci" });
        #endregion
    }

    internal static async Task Scoped()
    {
        #region scoped
        using var sentry = SentryManagementClient.FromEnvironment();
        var backend = sentry.Organization("acme").Project("backend");   // validated, cached; no call takes a slug again

        var project = await backend.GetAsync();
        await foreach (var issue in backend.Issues.List(query: "is:unresolved"))
            Console.WriteLine($"{issue.ShortId} {issue.Title}");

        var teams = sentry.Teams;                                        // shortcuts use SENTRY_ORG
        #endregion
    }

    internal static void WithDependencyInjection(IServiceCollection services, IConfiguration configuration)
    {
        #region di
        services.AddSentryManagement(configuration.GetSection("Sentry"));  // management and capture, validated at start
        // inject SentryManagementClient, the default OrganizationClient, or a Refit interface (IProjectsApi, …)
        #endregion
    }

    internal static async Task Capture(Exception exception)
    {
        #region capture
        using var sentry = SentryManagementClient.FromEnvironment();
        await using var capture = await sentry.Organization("acme").Project("backend")
            .GetCaptureClientAsync(configure: o => o.Release = "backend@1.2.3");   // finds (or creates) the project's key
        capture.CaptureException(exception);            // never blocks, never throws; sent in batches by the transport
        await capture.FlushAsync(TimeSpan.FromSeconds(5));
        #endregion
    }
}
