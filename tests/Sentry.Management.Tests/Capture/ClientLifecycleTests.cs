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

    private sealed class HangingHandler(TaskCompletionSource started, Task release) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await release.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
