// Lists the organizations the token can see and the projects of each (or of SENTRY_ORG only).
// Run: SENTRY_AUTH_TOKEN=sntrys_... dotnet run --project samples/Sentry.Management.Sample
using Sentry.Management;

if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SENTRY_AUTH_TOKEN")))
{
    // Not an error: on a fresh machine the sample explains what it needs (exit code 0, so the README command "works").
    Console.WriteLine("""
        Set SENTRY_AUTH_TOKEN to a Sentry auth token (Settings > Auth Tokens, scopes org:read and project:read).
        Optional: SENTRY_ORG (only this organization) and SENTRY_URL (a region such as https://de.sentry.io, or a self-hosted Sentry).
        """);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

try
{
    using var sentry = SentryManagementClient.FromEnvironment();
    var identity = await sentry.Identity.CheckAsync(cancel.Token);
    Console.WriteLine($"Token of {identity.User?.Email ?? "an organization token"}; scopes: {string.Join(", ", identity.Scopes)}");

    var organizations = sentry.Options.Organization is not null
        ? [await sentry.DefaultOrganization.GetAsync(cancel.Token)]
        : await sentry.Organizations.List().ToListAsync(cancel.Token);

    foreach (var organization in organizations)
    {
        Console.WriteLine($"{organization.Slug} ({organization.Name})");
        var projects = sentry.Organization(organization.Slug!).Projects.List(pages: new SentryPageOptions { MaxItems = 50 });
        await foreach (var project in projects.WithCancellation(cancel.Token))
        {
            Console.WriteLine($"  {project.Slug,-40} {project.Platform,-16} teams: {string.Join(", ", project.Teams?.Select(t => t.Slug) ?? [])}");
        }
    }

    return 0;
}
catch (SentryOptionsException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (SentryApiException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Exception e) when (e is HttpRequestException or TimeoutException)
{
    Console.Error.WriteLine($"Could not reach Sentry: {e.Message}");
    return 1;
}
