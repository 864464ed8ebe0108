// The seed's workflows in the seed's order: bootstrap a project, capture events, publish a release with commits and a
// deploy, then its health report and the doctor. Each step is one file under Steps/; the docs show the same code.
// Run: SENTRY_AUTH_TOKEN=... SENTRY_ORG=... [SENTRY_URL=...] dotnet run --project samples/Quickstart
using Sentry.Management;
using Sentry.Management.Quickstart;

if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SENTRY_AUTH_TOKEN")))
{
    Console.WriteLine("""
        Set SENTRY_AUTH_TOKEN (scopes: project:write, team:write, project:releases, event:read, org:read) and SENTRY_ORG,
        and SENTRY_URL for a region or a self-hosted Sentry, to run the quickstart against Sentry.
        """);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

Func<QuickstartRun, CancellationToken, Task>[] steps =
[
    BootstrapStep.RunAsync,
    CaptureStep.RunAsync,
    ReleaseStep.RunAsync,

    // The seed's alert rules and issue triage come here, in that order, as steps of the same shape.
    HealthStep.RunAsync,
    DoctorStep.RunAsync,
];

try
{
    using var sentry = SentryManagementClient.FromEnvironment();
    await using var run = new QuickstartRun(sentry);
    foreach (var step in steps)
    {
        await step(run, cancel.Token);
        Console.WriteLine();
    }

    return 0;
}
catch (Exception e) when (e is SentryOptionsException or SentryApiException or SentryWorkflowException or ArgumentException or InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"Quickstart failed: {e.Message}");
    return 1;
}
