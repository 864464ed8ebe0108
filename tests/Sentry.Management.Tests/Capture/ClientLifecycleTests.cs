using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture;

public class ClientLifecycleTests
{
    [Test]
    public async Task Flush_gives_up_after_its_timeout_while_a_send_hangs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = TestOptions.Create();
        options.TimeProvider = time;
        await using var client = new SentryCaptureClient(options, new HangingHandler(started, release.Task));

        var id = client.CaptureMessage("stuck");
        await started.Task;
        var flush = client.FlushAsync(TimeSpan.FromSeconds(2));
        Assert.That(flush.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.That(await flush, Is.False);
        Assert.That(id, Is.Not.EqualTo(Guid.Empty), "capture returned at once although the network hangs");
        release.SetResult();
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(2)), Is.True);
    }

    [Test]
    public async Task A_send_that_hangs_times_out_on_the_clients_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = TestOptions.Create();
        options.TimeProvider = time;
        options.SendTimeout = TimeSpan.FromMinutes(10);
        options.MaxRetries = 0;
        var hangs = 1;

        // The event's send hangs; what follows (the flush's client report) is answered at once.
        await using var client = new SentryCaptureClient(options, new HangingHandler(started, release.Task, () => Interlocked.Exchange(ref hangs, 0) == 1));

        client.CaptureMessage("stuck");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var flush = client.FlushAsync(TimeSpan.FromHours(1));
        Assert.That(flush.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMinutes(10));

        // On the system clock the send would hang for ten real minutes; on the client's it ends now, as a network error.
        Assert.That(await flush.WaitAsync(TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(client.Counters.Discarded(SentryDiscardReason.NetworkError, SentryDataCategory.Error), Is.EqualTo(1));
        release.SetResult();
    }

    [Test]
    public async Task Flush_times_its_client_report_on_the_clients_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = TestOptions.Create();
        options.TimeProvider = time;
        options.SendTimeout = TimeSpan.FromHours(2);
        options.BeforeSend = _ => null;
        await using var client = new SentryCaptureClient(options, new HangingHandler(started, release.Task));

        // The dropped event leaves a discard to report, and the flush sends that report itself: the send hangs.
        client.CaptureMessage("dropped");
        var flush = client.FlushAsync(TimeSpan.FromMinutes(10));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(flush.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.That(await flush.WaitAsync(TimeSpan.FromSeconds(20)), Is.False, "the flush gave up when its timeout passed on the fake clock");
        release.SetResult();
    }

    [Test]
    public async Task Dependency_injection_registers_one_client_with_the_container_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSentryCapture(o => o.Dsn = TestOptions.Dsn).Services;
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SentryCaptureClient>();

        Assert.That(provider.GetRequiredService<SentryCaptureClient>(), Is.SameAs(client));
        Assert.That(client.Dsn.ProjectId, Is.EqualTo("42"));
        client.Scope.AddBreadcrumb("at fake time");
        Assert.That(client.Scope.Breadcrumbs[0].Timestamp, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public async Task Dispose_drains_the_queue()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var client = new SentryCaptureClient(TestOptions.Create(), handler);
        for (var i = 0; i < 50; i++)
        {
            client.CaptureMessage("m" + i);
        }

        await client.DisposeAsync();

        Assert.That(handler.Items("event").Count(), Is.EqualTo(50));
        Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(50));
    }

    /// <summary>Holds each request (or those <paramref name="hang"/> picks) until <paramref name="release"/> completes or the request is cancelled.</summary>
    private sealed class HangingHandler(TaskCompletionSource started, Task release, Func<bool>? hang = null) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hang?.Invoke() ?? true)
            {
                started.TrySetResult();
                await release.WaitAsync(cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
