using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Sentry.Management.Testing.Tests.Hosting;

/// <summary>The <c>sentry-local</c> program: one JSON line on stdout, logs on stderr, a clean stop on SIGTERM.</summary>
[NonParallelizable]
public sealed class HostProgramTests
{
    private readonly List<Process> _started = [];

    /// <summary>Whatever a failed test left running is stopped: no server outlives its test.</summary>
    [TearDown]
    public void KillLeftovers()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }

            process.Dispose();
        }

        _started.Clear();
    }

    [Test]
    public async Task Prints_one_json_line_serves_requests_and_exits_0_on_sigterm()
    {
        var host = Start("--port", "0", "--org", "acme", "--project", "pumps");
        var line = await ReadLineAsync(host);
        var ready = JsonDocument.Parse(line).RootElement;
        var url = ready.GetProperty("url").GetString()!;
        var token = ready.GetProperty("authToken").GetString()!;
        var dsn = new Uri(ready.GetProperty("dsn").GetString()!);

        using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/0/organizations/acme/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var organization = await http.SendAsync(request);
        using var envelope = new StringContent("{}\n{\"type\":\"event\"}\n{\"message\":\"from the program test\"}\n");
        using var ingested = await http.PostAsync($"api/{ready.GetProperty("projectId").GetString()}/envelope/?sentry_key={dsn.UserInfo}", envelope);

        Signal(host, "TERM");
        var exited = host.WaitForExit(10_000);
        var rest = await host.StandardOutput.ReadToEndAsync();
        var errors = await host.StandardError.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ready.GetProperty("organization").GetString(), Is.EqualTo("acme"));
            Assert.That(ready.GetProperty("project").GetString(), Is.EqualTo("pumps"));
            Assert.That(url, Does.StartWith("http://127.0.0.1:"));
            Assert.That(dsn.Host, Is.EqualTo("127.0.0.1"));
            Assert.That((int)organization.StatusCode, Is.EqualTo(200));
            Assert.That((int)ingested.StatusCode, Is.EqualTo(200));
            Assert.That(exited, Is.True, "the program did not stop on SIGTERM");
            Assert.That(host.ExitCode, Is.EqualTo(0), errors);
            Assert.That(rest, Is.Empty, "stdout must carry only the JSON line");
            Assert.That(errors, Does.Contain("Local Sentry listening on " + url));
        });
    }

    [Test]
    public async Task Applies_fault_switches_from_the_command_line()
    {
        var host = Start("--fault", "management:server-error=503", "--fault", "ingestion:rate-limit=30;categories=error");
        var ready = JsonDocument.Parse(await ReadLineAsync(host)).RootElement;
        using var http = new HttpClient { BaseAddress = new Uri(ready.GetProperty("url").GetString()! + "/") };
        var faults = JsonDocument.Parse(await http.GetStringAsync("_local/faults")).RootElement;

        Signal(host, "TERM");
        host.WaitForExit(10_000);

        Assert.Multiple(() =>
        {
            Assert.That(faults.GetProperty("management").GetString(), Is.EqualTo("server-error 503"));
            Assert.That(faults.GetProperty("ingestion").GetString(), Is.EqualTo("rate-limit 30s error"));
        });
    }

    [Test]
    public async Task Names_the_integrations_and_switches_the_alert_apis_from_the_command_line()
    {
        var host = Start("--slack-workspace", "acme-chat", "--github-org", "acme-code", "--legacy-rules-gone", "--alert-api", "legacy");
        var ready = JsonDocument.Parse(await ReadLineAsync(host)).RootElement;
        using var http = new HttpClient { BaseAddress = new Uri(ready.GetProperty("url").GetString()! + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ready.GetProperty("authToken").GetString());
        var org = ready.GetProperty("organization").GetString();
        var project = ready.GetProperty("project").GetString();
        var integrations = JsonDocument.Parse(await http.GetStringAsync($"api/0/organizations/{org}/integrations/")).RootElement;
        using var rules = await http.GetAsync($"api/0/projects/{org}/{project}/rules/");
        using var metricRules = await http.GetAsync($"api/0/organizations/{org}/alert-rules/");
        using var workflows = await http.GetAsync($"api/0/organizations/{org}/workflows/");

        Signal(host, "TERM");
        host.WaitForExit(10_000);

        Assert.Multiple(() =>
        {
            Assert.That(integrations.EnumerateArray().ToDictionary(i => i.GetProperty("provider").GetProperty("key").GetString()!, i => i.GetProperty("name").GetString()),
                Is.EquivalentTo(new Dictionary<string, string> { ["slack"] = "acme-chat", ["github"] = "acme-code" }));
            Assert.That((int)rules.StatusCode, Is.EqualTo(410), "--legacy-rules-gone");
            Assert.That((int)metricRules.StatusCode, Is.EqualTo(200), "--alert-api legacy keeps the legacy metric rules");
            Assert.That((int)workflows.StatusCode, Is.EqualTo(404), "--alert-api legacy has no workflow engine");
        });
    }

    [Test]
    public async Task Rejects_a_bad_integration_name_with_exit_code_2()
    {
        var host = Start("--github-org", "Not A Slug!");
        var errors = await host.StandardError.ReadToEndAsync();
        Assert.That(host.WaitForExit(10_000), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(host.ExitCode, Is.EqualTo(2));
            Assert.That(errors, Does.Contain("GitHubOrganization"));
        });
    }

    [Test]
    public async Task Rejects_unknown_options_with_exit_code_2_and_the_usage()
    {
        var host = Start("--bogus");
        var errors = await host.StandardError.ReadToEndAsync();
        Assert.That(host.WaitForExit(10_000), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(host.ExitCode, Is.EqualTo(2));
            Assert.That(errors, Does.Contain("Unknown option '--bogus'").And.Contain("Usage: sentry-local"));
        });
    }

    private Process Start(params string[] args)
    {
        var path = typeof(HostProgramTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SentryLocalHost").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        _started.Add(process);
        return process;
    }

    private static async Task<string> ReadLineAsync(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await host.StandardOutput.ReadLineAsync(timeout.Token);
        return line ?? throw new AssertionException("The program exited without printing its JSON line: " + await host.StandardError.ReadToEndAsync());
    }

    /// <summary>Sends a POSIX signal the way a service manager would (Process.Kill would send SIGKILL).</summary>
    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {process.Id}");
        kill.WaitForExit();
    }
}
