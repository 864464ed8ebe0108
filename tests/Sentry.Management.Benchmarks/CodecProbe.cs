using System.Globalization;
using System.IO.Compression;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The request body's codec alone, on the workload's three real envelopes: bytes out and thread CPU per envelope
/// for gzip by the library's own encoder (what <see cref="CompressionLevel.Fastest"/> uses), by zlib at levels 2 (what
/// it used before) and 1, and brotli at low qualities and small windows, one thread, after a warm-up. `--codecs [envelopes per case] [rounds]`.
/// </summary>
internal static class CodecProbe
{
    public static void Run(int count, int rounds)
    {
        var bench = new EnvelopePreparationBenchmarks();
        bench.Setup();
        var envelopes = bench.PreparedEnvelopes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"envelopes: {string.Join(", ", envelopes.Select(e => e.Length))} B raw"));
        var cases = new List<(string Name, Func<byte[], int> Compress)>();
        using var buffer = new MemoryStream();
        var output = new byte[64 * 1024];
        var encoder = new GzipEncoder();
        cases.Add(("gzip, the writer's own encoder (Fastest)", e => encoder.Compress(e).Length));
        cases.Add(("gzip zlib 2 (Fastest before)", e => EnvelopeWriter.Gzip(e, CompressionLevel.Fastest, buffer).Length));
        var level1 = new ZLibCompressionOptions { CompressionLevel = 1 };
        cases.Add(("gzip zlib 1", e =>
        {
            buffer.SetLength(0);
            using (var gzip = new GZipStream(buffer, level1, leaveOpen: true))
            {
                gzip.Write(e);
            }

            return buffer.ToArray().Length;
        }));
        foreach (var quality in new[] { 0, 1, 2, 3, 4, 5 })
        {
            foreach (var window in new[] { 10, 12, 14, 16 })
            {
                var (q, w) = (quality, window);
                cases.Add(($"brotli q{q} w{w}", e => BrotliEncoder.TryCompress(e, output, out var written, q, w) ? written : -1));
            }
        }

        foreach (var (_, compress) in cases)
        {
            for (var i = 0; i < 3000; i++)
            {
                compress(envelopes[i % 3]);
            }
        }

        var results = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var sizes = new Dictionary<string, double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, compress) in cases)
            {
                long bytes = 0;
                var start = ThreadCpu.Now();
                for (var i = 0; i < count; i++)
                {
                    bytes += compress(envelopes[i % 3]);
                }

                results[name].Add((ThreadCpu.Now() - start).TotalMicroseconds / count);
                sizes[name] = (double)bytes / count;
            }
        }

        Console.WriteLine("| codec | bytes out | thread CPU us/envelope (median) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, _) in cases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {sizes[name]:F0} | {Median.Of(results[name]):F2} |"));
        }

        bench.Cleanup();
    }
}
