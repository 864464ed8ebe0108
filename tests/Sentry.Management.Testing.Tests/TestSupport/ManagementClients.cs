
namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>Our management client pointed at a local Sentry, as a user would point it (no insecure-transport switch).</summary>
internal static class ManagementClients
{
    public static SentryManagementClient For(LocalSentry sentry, Action<SentryManagementOptions>? configure = null)
    {
        var options = new SentryManagementOptions
        {
            BaseUrl = sentry.Url,
            AuthToken = sentry.AuthToken,
            Organization = sentry.Organization,
        };
        configure?.Invoke(options);
        return new SentryManagementClient(options);
    }

    public static async Task<List<Issue>> AllIssuesAsync(this SentryManagementClient client)
    {
        var issues = new List<Issue>();
        await foreach (var issue in client.Issues.List())
        {
            issues.Add(issue);
        }

        return issues;
    }
}
