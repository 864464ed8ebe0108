using System.Diagnostics;
using ModelContextProtocol.Client;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Server;

/// <summary>The server executable: clear errors at start, stderr only for logs, and Streamable HTTP with --port.</summary>
[NonParallelizable]
public class ServerProcessTests
{
    [Test]
    public async Task Without_a_token_it_says_how_to_get_one()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync();

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty, "stdout carries only the protocol");
        Assert.That(stderr, Does.Contain("Personal Tokens").And.Contain("--access-token").And.Contain("SENTRY_AUTH_TOKEN"));
    }

    [Test]
    public async Task Every_bad_option_is_named_at_start_and_the_token_is_not_echoed()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync(
            "--access-token", "sntryu_secret_value_1234", "--url", "http://sentry.example.com", "--deny", "drop_database", "--port", "99999", "--frobnicate");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("uses http").And.Contain("'drop_database'").And.Contain("--port '99999'").And.Contain("'--frobnicate'"));
        Assert.That(stderr, Does.Not.Contain("sntryu_secret_value_1234"));
    }

    [Test]
    public async Task Local_starts_an_embedded_sentry_with_sample_issues_over_stdio()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sentry-management-mcp --local",
            Command = ServerProcess.Command(),
            Arguments = ["--local"],
            EnvironmentVariables = new Dictionary<string, string?> { ["SENTRY_AUTH_TOKEN"] = null, ["SENTRY_ACCESS_TOKEN"] = null, ["SENTRY_ORG"] = null, ["SENTRY_URL"] = null },
        });
        await using var client = await McpClient.CreateAsync(transport);

        var tools = await client.ListToolsAsync();
        var issues = await client.CallToolAsync("search_issues", new Dictionary<string, object?> { ["query"] = "is:unresolved level:error" });
        var timeouts = await client.CallToolAsync("search_issues", new Dictionary<string, object?> { ["query"] = "TimeoutException" });
        var releases = await client.CallToolAsync("find_releases", new Dictionary<string, object?>());

        Assert.That(tools.Select(t => t.Name), Does.Contain("search_issues").And.Contain("create_release"), "no --read-only: the write tools are listed too");
        Assert.That(issues.IsError, Is.Not.True, issues.Text());
        Assert.That(issues.Text(), Does.Contain("Cart 'c-1042' is empty").And.Contain("Payment gateway did not answer").And.Not.Contain("Slow checkout"), "level:error leaves the warning out");
        Assert.That(timeouts.Text(), Does.Contain("4 events").And.Not.Contain("Cart"));
        Assert.That(releases.Text(), Does.Contain("app@1.0.0"));
    }

    [Test]
    public async Task Port_serves_stateless_streamable_http_on_loopback()
    {
        await using var sentry = LoopbackSentry.Start(new() { ["GET /api/0/organizations/acme/projects/"] = Samples.List(Samples.Project) });
        var port = FreePort();
        using var server = Process.Start(ServerProcess.StartInfo(ServerProcess.Command(), ["--access-token", sentry.Token, "--url", sentry.BaseUrl.ToString(), "--organization", "acme", "--read-only", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        var stderr = new System.Text.StringBuilder();
        server.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        server.BeginErrorReadLine();
        try
        {
            var endpoint = new Uri($"http://127.0.0.1:{port}/");
            await WaitForListeningAsync(endpoint);

            // Two independent clients: with no session state either one could have landed on another replica.
            for (var i = 0; i < 2; i++)
            {
                await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }));
                var tools = await client.ListToolsAsync();
                Assert.That(tools, Has.Count.EqualTo(17), "--read-only");
                var result = await client.CallToolAsync("find_projects", new Dictionary<string, object?>());
                Assert.That(result.Text(), Does.Contain("**api**"));
            }

            // A failed call is logged to stderr through the facade's logger, as over stdio.
            await using var failing = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }));
            var missing = await failing.CallToolAsync("find_teams", new Dictionary<string, object?>());
            Assert.That(missing.IsError, Is.True);
            await WaitForAsync(stderr, "Sentry API GET /api/0/organizations/acme/teams/ failed -> 404");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        lock (stderr)
        {
            Assert.That(stderr.ToString(), Does.Contain($"127.0.0.1:{port}"));
            Assert.That(stderr.ToString(), Does.Not.Contain(sentry.Token));
        }
    }

    private static async Task WaitForAsync(System.Text.StringBuilder output, string text)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            lock (output)
            {
                if (output.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        lock (output)
        {
            Assert.Fail($"stderr did not show '{text}' within 10 s:\n{output}");
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task WaitForListeningAsync(Uri endpoint)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(endpoint);
                return; // any answer means Kestrel is up
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail($"The server did not listen on {endpoint} within 10 s.");
    }
}
