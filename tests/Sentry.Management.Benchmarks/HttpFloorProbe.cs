using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The floor under any SDK's delivery: a bare <see cref="HttpClient"/> posting one prebuilt, already gzipped envelope
/// per event to the same loopback sink, with the same concurrency and headers as our sender, and no capture work at
/// all. What an SDK spends per event above this is its own; this much is HTTP, the kernel and the sink.
/// </summary>
internal static class HttpFloorProbe
{
    public static async Task<(double EventsPerSecond, double CpuMicros, double SinkCpuMicros)> MeasureAsync(int events, int concurrency, TimeSpan latency, int bodyBytes)
    {
        await using var sink = await BenchSink.StartAsync(latency);
        var body = Body(bodyBytes);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, AutomaticDecompression = System.Net.DecompressionMethods.None });
        var endpoint = new Uri($"http://127.0.0.1:{sink.Port}/api/1/envelope/");
        var type = new MediaTypeHeaderValue("application/x-sentry-envelope");

        async Task PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
            request.Headers.TryAddWithoutValidation("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=floor/1.0, sentry_key=loopbackkey");
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = type;
            content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");
            request.Content = content;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        }

        async Task RunAsync(int count)
        {
            var next = -1;
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    await PostAsync().ConfigureAwait(false);
                }
            }));
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        await RunAsync(Math.Max(200, events / 10)); // Warm-up: JIT and connections.
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        var sinkCpu0 = sink.ExternalCpu();
        var clock = Stopwatch.StartNew();
        await RunAsync(events);
        var elapsed = clock.Elapsed;
        self.Refresh();
        return (events / elapsed.TotalSeconds, (self.TotalProcessorTime - cpu0).TotalMicroseconds / events, (sink.ExternalCpu() - sinkCpu0).TotalMicroseconds / events);
    }

    /// <summary>A gzip body of about <paramref name="size"/> bytes: an envelope shape around filler that does not compress.</summary>
    private static byte[] Body(int size)
    {
        var random = new Random(42);
        var filler = new byte[Math.Max(16, size - 80)];
        for (var i = 0; i < filler.Length; i++)
        {
            filler[i] = (byte)('a' + random.Next(26));
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("{\"event_id\":\"0123456789abcdef0123456789abcdef\"}\n{\"type\":\"event\"}\n"u8);
            gzip.Write(filler);
        }

        return output.ToArray();
    }
}
