using System.Net;
using System.Net.Sockets;

namespace Sentry.Management.Tests.Contract.Live;

/// <summary>The Prism launcher itself: a taken port is retried on another one, and stopping leaves no process behind.</summary>
[Category("Contract")]
public class PrismServerTests
{
    [Test]
    public async Task A_taken_port_is_retried_on_a_free_one_and_the_process_is_stopped()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var server = await PrismServer.StartAsync(
            ApiCoverageTests.RepositoryRoot(),
            OpenApiSchema.FilePath,
            timeout.Token,
            attempt => attempt == 1 ? taken : PrismServer.FreePort());
        int pid;
        using (server)
        {
            Assert.That(server.Attempt, Is.EqualTo(2), "the first attempt hit the taken port");
            Assert.That(server.Port, Is.Not.EqualTo(taken));
            pid = server.ProcessId;
            using var http = new HttpClient { BaseAddress = server.BaseUrl };
            using var response = await http.GetAsync(new Uri("/api/0/organizations/acme/", UriKind.Relative), timeout.Token);
            Assert.That((int)response.StatusCode, Is.EqualTo(401), "Prism answers (and wants a token)");
        }

        Assert.That(IsRunning(pid), Is.False, "Prism is still running after Dispose");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
