using System.Runtime.CompilerServices;
using Sentry.Management.Capture.Sessions;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Sessions;

/// <summary>Exceptions nobody handled: captured with <c>handled: false</c>, the session crashed, queues flushed before the process ends.</summary>
public sealed class UnhandledExceptionTests
{
    [Test]
    public async Task A_terminating_exception_is_unhandled_crashes_the_session_and_is_delivered_before_the_handler_returns()
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.AutoSessionTracking = true;
        options.CaptureUnhandledExceptions = true;
        await using var client = new SentryCaptureClient(options, handler);

        // What AppDomain.UnhandledException calls, run directly: the real event ends the test process.
        client.CaptureUnhandled(Thrown.By(() => throw new InvalidOperationException("boom")), UnhandledExceptionHook.AppDomainMechanism, terminating: true);

        // No flush here: the handler itself waited for delivery.
        var evt = handler.Items("event").Single().Json;
        var mechanism = evt.GetProperty("exception").GetProperty("values")[0].GetProperty("mechanism");
        var sessions = handler.Items("session").Select(i => i.Json).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mechanism.GetProperty("handled").GetBoolean(), Is.False);
            Assert.That(mechanism.GetProperty("type").GetString(), Is.EqualTo("AppDomain.UnhandledException"));
            Assert.That(evt.GetProperty("level").GetString(), Is.EqualTo("fatal"));
            Assert.That(sessions.Select(s => s.GetProperty("status").GetString()), Is.EqualTo(new[] { "ok", "crashed" }));
            Assert.That(sessions[^1].GetProperty("errors").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Handled_exceptions_keep_handled_true()
    {
        var handler = new RecordingHandler();
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);
        client.CaptureException(Thrown.By(() => throw new InvalidOperationException("fine")));
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        var mechanism = handler.Items("event").Single().Json.GetProperty("exception").GetProperty("values")[0].GetProperty("mechanism");
        Assert.Multiple(() =>
        {
            Assert.That(mechanism.GetProperty("handled").GetBoolean(), Is.True);
            Assert.That(mechanism.GetProperty("type").GetString(), Is.EqualTo("generic"));
        });
    }

    [Test]
    public async Task An_unobserved_task_exception_is_captured_through_the_real_event_and_errors_the_session()
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.AutoSessionTracking = true;
        options.CaptureUnhandledExceptions = true;
        await using (var client = new SentryCaptureClient(options, handler))
        {
            await WaitForAsync(() => handler.Items("session").Any());
            for (var i = 0; i < 20 && !handler.Items("event").Any(); i++)
            {
                DropFaultedTask();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                await client.FlushAsync(TimeSpan.FromSeconds(5));
            }
        }

        var evt = handler.Items("event").First().Json;
        var mechanism = evt.GetProperty("exception").GetProperty("values").EnumerateArray().Last().GetProperty("mechanism");
        var sessions = handler.Items("session").Select(i => i.Json).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mechanism.GetProperty("handled").GetBoolean(), Is.False);
            Assert.That(mechanism.GetProperty("type").GetString(), Is.EqualTo("UnobservedTaskException"));
            Assert.That(sessions[^1].GetProperty("status").GetString(), Is.EqualTo("exited"), "the process goes on: errored, not crashed");
            Assert.That(sessions[^1].GetProperty("errors").GetInt32(), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task Disposing_unsubscribes_from_the_process_events()
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.CaptureUnhandledExceptions = true;
        var client = new SentryCaptureClient(options, handler);
        await client.DisposeAsync();
        for (var i = 0; i < 3; i++)
        {
            DropFaultedTask();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.That(handler.Items("event"), Is.Empty);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropFaultedTask()
    {
        var task = Task.Run(() => throw new InvalidOperationException("nobody awaits me"));
        SpinWait.SpinUntil(() => task.IsCompleted, TimeSpan.FromSeconds(5));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
    }
}
