using System.Diagnostics;
using System.Reflection;

namespace Sentry.Management.Testing.Tests.Samples;

/// <summary>
/// The README's first command, <c>dotnet run --project samples/Quickstart</c>, as a new user runs it: no
/// SENTRY_AUTH_TOKEN, no network. It must run every workflow against its embedded local Sentry and say what happened.
/// </summary>
[Category("Samples")]
public class QuickstartTests
{
    [Test]
    public async Task Runs_every_workflow_offline_and_says_what_happened()
    {
        var dll = typeof(QuickstartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Quickstart").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var variable in new[] { "SENTRY_AUTH_TOKEN", "SENTRY_ORG", "SENTRY_URL", "SENTRY_DSN" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await output;
        Assert.That(process.ExitCode, Is.Zero, () => $"stdout:\n{text}\nstderr:\n{error.Result}");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("embedded local Sentry"));
            Assert.That(text, Does.Contain("project quickstart: created"), "bootstrap");
            Assert.That(text, Does.Contain("Events: 2 delivered, 0 discarded"), "capture");
            Assert.That(text, Does.Contain("deploy: created - to production"), "release and deploy");
            Assert.That(text, Does.Contain("High Error Rate Alert: created"), "the seed's first alert rule");
            Assert.That(text, Does.Contain("Post-deploy errors quickstart@1.0.0: created"), "the seed's post-deploy rule");
            Assert.That(text, Does.Contain("2 issue(s) changed, 0 failed"), "triage applied to the two captured issues");
            Assert.That(text, Does.Contain("Release quickstart@1.0.0 over 24h"), "release health");
            Assert.That(text, Does.Contain("Sentry doctor").And.Contain(": healthy"), "doctor");
            Assert.That(text, Does.Contain("Quickstart finished: every workflow ran."));
            Assert.That(text + error.Result, Does.Not.Contain("sntry"), "no token in the output");
        });
    }
}
