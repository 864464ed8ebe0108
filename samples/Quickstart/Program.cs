// The seed's workflows in the seed's order: bootstrap a project, capture events, publish a release with commits and a
// deploy, set alert rules, triage issues, read the release's health and run the doctor. Each step is one file under
// Steps/; the docs show the same code.
//
// Run offline (an embedded local Sentry, no account):  dotnet run --project samples/Quickstart
// Run against Sentry:  SENTRY_AUTH_TOKEN=... SENTRY_ORG=... [SENTRY_URL=...] dotnet run --project samples/Quickstart
using Sentry.Management;
using Sentry.Management.Quickstart;
using Sentry.Management.Testing;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

Func<QuickstartRun, CancellationToken, Task>[] steps =
[
    BootstrapStep.RunAsync,
    CaptureStep.RunAsync,
    ReleaseStep.RunAsync,
    AlertsStep.RunAsync,
    TriageStep.RunAsync,
    HealthStep.RunAsync,
    DoctorStep.RunAsync,
];

LocalSentry? local = null;
try
{
    SentryManagementClient sentry;
    if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SENTRY_AUTH_TOKEN")))
    {
        // No account needed: the same workflows against a local Sentry on 127.0.0.1 that lives as long as this program.
        local = await LocalSentry.StartAsync(cancellationToken: cancel.Token);
        Console.WriteLine($"""
            No SENTRY_AUTH_TOKEN: running against an embedded local Sentry at {local.Url} (organization '{local.Organization}').
            Set SENTRY_AUTH_TOKEN and SENTRY_ORG (and SENTRY_URL for a region or self-hosted Sentry) to run against your Sentry.

            """);
        sentry = new SentryManagementClient(new SentryManagementOptions { BaseUrl = local.Url, AuthToken = local.AuthToken, Organization = local.Organization });
    }
    else
    {
        sentry = SentryManagementClient.FromEnvironment();
    }

    using (sentry)
    {
        await using var run = new QuickstartRun(sentry);
        foreach (var step in steps)
        {
            await step(run, cancel.Token);
            Console.WriteLine();
        }
    }

    Console.WriteLine("Quickstart finished: every workflow ran.");
    return 0;
}
catch (Exception e) when (e is SentryOptionsException or SentryApiException or SentryWorkflowException or ArgumentException or InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"Quickstart failed: {e.Message}");
    return 1;
}
finally
{
    if (local is not null)
    {
        await local.DisposeAsync();
    }
}
