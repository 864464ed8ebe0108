using System.Buffers;
using System.Text;
using System.Text.Json;
using Sentry.Management.Capture.Protocol;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Protocol;

/// <summary>What the payload writers keep encoded between events is written as it would be written afresh.</summary>
public class EncodedOnceTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("t");

    [Test]
    public void Timestamps_have_the_digits_of_the_double_they_replace()
    {
        var random = new Random(1234);
        long[] edges = [0, 1, 5, 10, 50, 100, 120, 999, 1000, 1001, 1010, 1100, 1_796_127_556_000, 1_796_127_556_005, 1_796_127_556_050, 1_796_127_556_608, 253_402_300_799_999, -1, -1500];
        foreach (var ms in edges.Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(0, 4_000_000_000_000))))
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            Assert.That(Write(w => UnixTime.WriteSeconds(w, Name, time)), Is.EqualTo(Write(w => w.WriteNumber(Name, UnixTime.Seconds(time)))), $"{ms} ms");
        }
    }

    [Test]
    public async Task A_breadcrumb_on_two_clients_is_scrubbed_by_each_clients_options_in_every_event()
    {
        var crumb = new SentryBreadcrumb("paid with 4111111111111111", "checkout") { Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_796_127_556_608) };
        var scrubbed = new RecordingHandler();
        var plain = new RecordingHandler();
        var noScrub = TestOptions.Create();
        noScrub.ScrubPii = false;
        await using (var first = new SentryCaptureClient(TestOptions.Create(), scrubbed))
        await using (var second = new SentryCaptureClient(noScrub, plain))
        {
            first.Scope.AddBreadcrumb(crumb);
            second.Scope.AddBreadcrumb(crumb);
            for (var i = 0; i < 2; i++)
            {
                first.CaptureMessage($"one {i}");
                second.CaptureMessage($"two {i}");
                Assert.That(await first.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
                Assert.That(await second.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            }
        }

        static string[] Crumbs(RecordingHandler handler) =>
            [.. handler.Items("event").Select(e => e.Json.GetProperty("breadcrumbs").GetProperty("values")[0].GetRawText())];

        Assert.Multiple(() =>
        {
            Assert.That(Crumbs(scrubbed), Is.EqualTo(Enumerable.Repeat("""{"timestamp":1796127556.608,"message":"paid with [Filtered]","category":"checkout"}""", 2)));
            Assert.That(Crumbs(plain), Is.EqualTo(Enumerable.Repeat("""{"timestamp":1796127556.608,"message":"paid with 4111111111111111","category":"checkout"}""", 2)));
        });
    }

    [Test]
    public async Task Frames_of_a_known_throw_site_are_written_as_the_first_time()
    {
        var handler = new RecordingHandler();
        await using (var client = new SentryCaptureClient(TestOptions.Create(), handler))
        {
            for (var i = 0; i < 3; i++)
            {
                client.CaptureException(Thrown.By(() => throw new AggregateException(Thrown.By(() => throw new InvalidOperationException("inner")))));
                Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            }
        }

        var exceptions = handler.Items("event").Select(e => e.Json.GetProperty("exception").GetRawText()).ToArray();
        var frame = handler.Items("event").First().Json.GetProperty("exception").GetProperty("values")[0].GetProperty("stacktrace").GetProperty("frames")[0];
        Assert.Multiple(() =>
        {
            Assert.That(exceptions, Has.Length.EqualTo(3));
            Assert.That(exceptions.Distinct(), Has.Exactly(1).Items, "the first capture reads the trace with file information, the others from the cache");
            Assert.That(frame.GetProperty("function").GetString(), Is.Not.Empty);
            Assert.That(frame.GetProperty("abs_path").GetString(), Does.EndWith(".cs"));
            Assert.That(frame.GetProperty("filename").GetString(), Does.EndWith(".cs").And.Not.Contain("/"));
        });
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, EnvelopeWriter.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
