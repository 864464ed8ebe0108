using System.Diagnostics;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Sessions;

/// <summary>A real process that dies of an unhandled exception still delivers the event (handled: false) and a crashed session.</summary>
public sealed class UnhandledProcessTests
{
    [Test]
    public async Task A_crashing_process_delivers_its_unhandled_event_and_crashed_session_before_it_ends()
    {
        await using var sink = new LoopbackSink();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(CrashingChild).Assembly.Location, "crash-helper", sink.Dsn() })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        _ = child.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await child.WaitForExitAsync(timeout.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(child.ExitCode, Is.Not.Zero, "the process died of the exception");
            Assert.That(await stderr, Does.Contain("the child process crashes"));
            Assert.That(sink.Delivered("error:unhandled"), Is.EqualTo(1));
            Assert.That(sink.Delivered("session:ok"), Is.EqualTo(1), "the session's start");
            Assert.That(sink.Delivered("session:crashed"), Is.EqualTo(1));
        });
    }
}
