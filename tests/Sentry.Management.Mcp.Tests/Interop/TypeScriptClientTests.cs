using System.Diagnostics;
using System.Text.Json;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Interop;

/// <summary>
/// The built server (or the one MCP_SERVER_COMMAND names, such as the AOT binary or the packed tool) as a process over
/// stdio, driven by the TypeScript MCP SDK from npm: tools/list, a read tool, a dry run and a confirmed write.
/// </summary>
[NonParallelizable]
public class TypeScriptClientTests
{
    [Test]
    public async Task The_typescript_sdk_lists_reads_dry_runs_and_writes()
    {
        var root = ServerProcess.RepositoryRoot();
        var script = Path.Combine(root, "tests", "tools", "mcp-interop.mjs");
        Assert.That(File.Exists(Path.Combine(root, "tests", "tools", "node_modules", "@modelcontextprotocol", "sdk", "package.json")), Is.True, "run npm ci in tests/tools");
        var server = ServerProcess.Command();
        Assert.That(File.Exists(server), Is.True, $"the server is built at {server}");

        await using var sentry = LoopbackSentry.Start(new()
        {
            ["GET /api/0/organizations/acme/projects/"] = Samples.List(Samples.Project),
            ["GET /api/0/organizations/acme/issues/"] = Samples.List(Samples.Issue),
            ["PUT /api/0/organizations/acme/issues/"] = """{"status":"resolved"}""",
        });

        var start = ServerProcess.StartInfo("node", [script, server, "--access-token", sentry.Token, "--url", sentry.BaseUrl.ToString(), "--organization", "acme"]);

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        Assert.That(node.ExitCode, Is.Zero, await stderr);
        using var report = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]);
        var r = report.RootElement;
        Assert.That(r.GetProperty("server").GetProperty("name").GetString(), Is.EqualTo("sentry-management-mcp"));
        Assert.That(r.GetProperty("toolCount").GetInt32(), Is.EqualTo(38));
        Assert.That(r.GetProperty("hasOrganizationSlug").GetBoolean(), Is.False, "--organization removes the parameter");
        Assert.That(r.GetProperty("read").GetProperty("text").GetString(), Does.Contain("**api**"));
        Assert.That(r.GetProperty("dryRun").GetProperty("applied").GetBoolean(), Is.False);
        Assert.That(r.GetProperty("dryRun").GetProperty("ids").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "1001" }));
        Assert.That(r.GetProperty("applied").GetProperty("applied").GetBoolean(), Is.True, r.GetProperty("applied").GetProperty("text").GetString());
        Assert.That(r.GetProperty("applied").GetProperty("succeeded").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "1001" }));
        Assert.That(sentry.Requests, Has.One.StartsWith("PUT /api/0/organizations/acme/issues/?").And.Contains("id=1001"));
    }
}
