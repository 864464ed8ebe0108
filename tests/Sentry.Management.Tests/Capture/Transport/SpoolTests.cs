using System.Net;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

public class SpoolTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "sentry-spool-test-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task Spool_is_bounded_and_overflow_is_counted()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var options = TestOptions.Create();
        options.SpoolDirectory = _folder;
        options.MaxSpoolFiles = 2;
        options.MaxRetries = 0;
        options.MaxConcurrentSends = 1;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(200); // Sentry stays down: the drainer cannot empty the spool.
        await using (var client = new SentryCaptureClient(options, handler))
        {
            for (var i = 0; i < 5; i++)
            {
                client.CaptureMessage("m" + i);
            }

            Assert.That(await client.FlushAsync(TimeSpan.FromMilliseconds(500)), Is.False, "the spool still holds a backlog");
            Assert.Multiple(() =>
            {
                Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.EqualTo(2));
                Assert.That(client.Counters.Discarded(SentryDiscardReason.QueueOverflow, SentryDataCategory.Error), Is.EqualTo(3));
            });
        }

        Assert.That(Directory.GetFiles(_folder, "*.envelope"), Has.Length.EqualTo(2));
        Assert.That(Directory.GetFiles(_folder, "*.tmp"), Is.Empty);
    }

    [Test]
    public async Task Spooled_envelopes_are_sent_byte_for_byte_on_the_next_start()
    {
        var down = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var options = TestOptions.Create();
        options.SpoolDirectory = _folder;
        options.MaxRetries = 0;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(200); // Sentry stays down: the file is left for the next start.
        Guid id;
        await using (var client = new SentryCaptureClient(options, down))
        {
            id = client.CaptureMessage("kept for later");
        }

        var up = new RecordingHandler();
        options.ShutdownTimeout = TimeSpan.FromSeconds(10);
        await using (var client = new SentryCaptureClient(options, up))
        {
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(1));
        }

        var sent = up.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Body, Is.EqualTo(down.Requests.First().Body));
            Assert.That(sent.Envelope.Header.GetProperty("event_id").GetString(), Is.EqualTo(id.ToString("N")));
            Assert.That(Directory.GetFiles(_folder), Is.Empty);
        });
    }

    [Test]
    public async Task Captures_racing_dispose_are_always_settled()
    {
        var handler = new RecordingHandler();
        var client = new SentryCaptureClient(TestOptions.Create(), handler);
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            go.Wait();
            for (var i = 0; i < 2000; i++)
            {
                client.CaptureMessage("racing");
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        go.Set();
        await client.DisposeAsync();
        threads.ForEach(t => t.Join());

        var counters = client.Counters;
        Assert.That(
            counters.Delivered(SentryDataCategory.Error) + counters.DiscardedTotal(SentryDataCategory.Error),
            Is.EqualTo(counters.Captured(SentryDataCategory.Error)));
    }
}
