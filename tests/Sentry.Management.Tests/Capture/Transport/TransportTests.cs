using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

public class TransportTests
{
    [Test]
    public async Task Rate_limited_category_is_not_sent_until_the_limit_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = true;
        var handler = new RecordingHandler(r =>
        {
            var response = new HttpResponseMessage(first ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
            if (first)
            {
                response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limits", "10:transaction:project");
                first = false;
            }

            return response;
        });
        var options = TestOptions.Create();
        options.TimeProvider = time;
        options.TracesSampleRate = 1;
        options.MaxConcurrentSends = 1;
        await using var client = new SentryCaptureClient(options, handler);

        client.StartTransaction("t1", "op").Finish();
        await client.FlushAsync(TimeSpan.FromSeconds(5));
        client.StartTransaction("t2", "op").Finish();
        client.CaptureMessage("errors still flow");
        await client.FlushAsync(TimeSpan.FromSeconds(5));
        var sentWhileLimited = handler.Items("transaction").Count();

        time.Advance(TimeSpan.FromSeconds(11));
        client.StartTransaction("t3", "op").Finish();
        await client.FlushAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(sentWhileLimited, Is.EqualTo(1), "only the request that got the 429");
            Assert.That(handler.Items("transaction").Last().Json.GetProperty("transaction").GetString(), Is.EqualTo("t3"));
            Assert.That(handler.Items("event").Count(), Is.EqualTo(1));
            Assert.That(client.Counters.Discarded(SentryDiscardReason.RateLimitBackoff, SentryDataCategory.Transaction), Is.EqualTo(2));
            Assert.That(client.Counters.Delivered(SentryDataCategory.Transaction), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Server_errors_are_retried_then_delivered()
    {
        var calls = 0;
        var handler = new RecordingHandler(_ => Interlocked.Increment(ref calls) <= 2
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK));
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);

        client.CaptureMessage("eventually");
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        Assert.That(calls, Is.EqualTo(3));
        Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(1));
    }

    [Test]
    public async Task Network_failures_are_retried_then_reported()
    {
        var failing = true;
        var handler = new RecordingHandler(_ => failing ? throw new HttpRequestException("connection refused") : new HttpResponseMessage(HttpStatusCode.OK));
        var options = TestOptions.Create();
        options.MaxRetries = 2;
        await using var client = new SentryCaptureClient(options, handler);

        client.CaptureMessage("lost");
        await client.FlushAsync(TimeSpan.FromSeconds(10));
        failing = false;
        await client.FlushAsync(TimeSpan.FromSeconds(10));

        var report = handler.Items("client_report").Last().Json.GetProperty("discarded_events")[0];
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Count(r => r.Envelope.Items[0].Type == "event"), Is.EqualTo(3), "first try and two retries");
            Assert.That(client.Counters.Discarded(SentryDiscardReason.NetworkError, SentryDataCategory.Error), Is.EqualTo(1));
            Assert.That(report.GetProperty("reason").GetString(), Is.EqualTo("network_error"));
        });
    }

    [Test]
    public async Task A_4xx_is_not_retried()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest));
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);

        client.CaptureMessage("refused");
        await client.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.That(handler.Requests.Count(r => r.Envelope.Items[0].Type == "event"), Is.EqualTo(1));
        Assert.That(client.Counters.Discarded(SentryDiscardReason.SendError, SentryDataCategory.Error), Is.EqualTo(1));
    }

    [Test]
    public async Task Full_queues_drop_and_count_but_transactions_never_crowd_out_errors()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new BlockingHandler(started, gate.Task);
        var options = TestOptions.Create();
        options.MaxConcurrentSends = 1;
        options.MaxErrorQueueSize = 2;
        options.MaxTransactionQueueSize = 1;
        options.TracesSampleRate = 1;
        await using var client = new SentryCaptureClient(options, handler);

        client.CaptureMessage("in flight");
        await started.Task;
        for (var i = 0; i < 10; i++)
        {
            client.StartTransaction("tx" + i, "op").Finish();
        }

        var queued = new[] { client.CaptureMessage("a"), client.CaptureMessage("b") };
        var dropped = client.CaptureMessage("c");
        gate.SetResult();
        await client.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(queued, Has.None.EqualTo(Guid.Empty));
            Assert.That(dropped, Is.EqualTo(Guid.Empty));
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(3));
            Assert.That(client.Counters.Delivered(SentryDataCategory.Transaction), Is.EqualTo(1));
            Assert.That(client.Counters.Discarded(SentryDiscardReason.QueueOverflow, SentryDataCategory.Error), Is.EqualTo(1));
            Assert.That(client.Counters.Discarded(SentryDiscardReason.QueueOverflow, SentryDataCategory.Transaction), Is.EqualTo(9));
        });
    }

    private sealed class BlockingHandler(TaskCompletionSource started, Task gate) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await gate;
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
