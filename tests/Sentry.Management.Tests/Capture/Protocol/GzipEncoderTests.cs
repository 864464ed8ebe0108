using System.IO.Compression;
using System.Text;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Tests.Capture.Protocol;

/// <summary>
/// The envelope encoder's output is gzip that .NET's own decoder (zlib) reads back byte for byte, for every shape of
/// input, through one reused encoder as a sender worker uses it.
/// </summary>
public class GzipEncoderTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(259)]
    [TestCase(70_000)]
    public void Runs_of_one_byte_round_trip(int length)
    {
        var input = new byte[length];
        Array.Fill(input, (byte)'a');
        AssertRoundTrip(new GzipEncoder(), input);
    }

    [Test]
    public void Envelope_text_round_trips_and_compresses_at_least_as_well_as_zlib_level_1()
    {
        var input = EnvelopeLike(new Random(7), 40);
        var encoder = new GzipEncoder();
        var ours = AssertRoundTrip(encoder, input);
        Assert.That(ours.Length, Is.LessThanOrEqualTo(Zlib(input, 1).Length), "no larger than zlib's fastest level");
        Assert.That(ours.Length, Is.LessThan(input.Length / 3), "the JSON of an envelope compresses well");
    }

    [Test]
    public void Random_bytes_fall_back_to_stored_blocks_and_grow_by_a_few_bytes_only()
    {
        var input = new byte[150_000];
        new Random(3).NextBytes(input);
        var ours = AssertRoundTrip(new GzipEncoder(), input);

        // Three stored blocks of at most 65,535 bytes (5 bytes of header each) and the gzip frame (18).
        Assert.That(ours.Length, Is.EqualTo(input.Length + (3 * 5) + 18));
    }

    [Test]
    public void Matches_never_reach_back_past_the_32_KB_window()
    {
        // A block repeated at 40 KB distance, with noise between: only in-window matches may be used.
        var random = new Random(11);
        var block = EnvelopeLike(random, 3);
        var noise = new byte[40_000];
        random.NextBytes(noise);
        var input = block.Concat(noise).Concat(block).Concat(block).ToArray();
        AssertRoundTrip(new GzipEncoder(), input);
    }

    [Test]
    public void Alike_envelopes_reuse_the_codes_and_cost_at_most_a_little_more_than_codes_of_their_own()
    {
        var random = new Random(5);
        var envelopes = Enumerable.Range(0, 30).Select(i => EnvelopeLike(random, 4 + (i % 3))).ToArray();
        var encoder = new GzipEncoder();
        var reused = envelopes.Sum(e => AssertRoundTrip(encoder, e).Length);
        var own = envelopes.Sum(e => new GzipEncoder().Compress(e).Length);

        Assert.Multiple(() =>
        {
            Assert.That(encoder.CodesBuilt, Is.LessThan(envelopes.Length / 3), "most envelopes take the codes already built");
            Assert.That(reused, Is.LessThanOrEqualTo(own * 1.03), "within 3 % of each envelope's own codes");
        });
    }

    [Test]
    public void A_symbol_the_codes_lack_or_a_costlier_mix_makes_them_built_again()
    {
        var random = new Random(9);
        var encoder = new GzipEncoder();
        for (var i = 0; i < 5; i++)
        {
            AssertRoundTrip(encoder, EnvelopeLike(random, 4));
        }

        var built = encoder.CodesBuilt;
        var withNewByte = EnvelopeLike(random, 4).Append((byte)0xfe).ToArray(); // 0xfe never occurs in envelope text.
        AssertRoundTrip(encoder, withNewByte);
        Assert.That(encoder.CodesBuilt, Is.EqualTo(built + 1), "a byte without a code");

        // Only digits, which the codes cover with long codes: far costlier per symbol than what they were built for.
        AssertRoundTrip(encoder, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(_ => random.Next(10)))));
        Assert.That(encoder.CodesBuilt, Is.EqualTo(built + 2), "a mix the codes were not built for");
    }

    [Test]
    public void The_codes_are_built_afresh_after_32_envelopes_in_a_row()
    {
        var input = EnvelopeLike(new Random(1), 4);
        var encoder = new GzipEncoder();
        for (var i = 0; i < 33; i++)
        {
            AssertRoundTrip(encoder, input);
        }

        Assert.That(encoder.CodesBuilt, Is.EqualTo(1), "one build serves the first envelope and 32 more");
        AssertRoundTrip(encoder, input);
        Assert.That(encoder.CodesBuilt, Is.EqualTo(2));
    }

    [Test]
    public void One_encoder_round_trips_thousands_of_inputs_of_every_shape_in_turn()
    {
        // State left from one envelope (its match tables) must never leak into the next.
        var random = new Random(2026);
        var encoder = new GzipEncoder();
        for (var i = 0; i < 1500; i++)
        {
            var input = (i % 5) switch
            {
                0 => EnvelopeLike(random, random.Next(0, 12)),
                1 => Bytes(random, random.Next(0, 5000), alphabet: random.Next(1, 5)),
                2 => Bytes(random, random.Next(0, 3000), alphabet: 256),
                3 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"level\":\"error\"},", random.Next(0, 400)))),
                _ => Bytes(random, random.Next(0, 20_000), alphabet: random.Next(2, 40)),
            };
            AssertRoundTrip(encoder, input, $"input {i} ({input.Length} bytes)");
        }
    }

    [Test]
    public void The_position_counter_wraps_without_mixing_up_old_entries()
    {
        // Started just below the point where the tables are cleared: envelopes on both sides of it round-trip.
        var encoder = new GzipEncoder(firstPosition: int.MaxValue - GzipEncoder.MaxInput - 20_000);
        var random = new Random(5);
        for (var i = 0; i < 20; i++)
        {
            AssertRoundTrip(encoder, EnvelopeLike(random, 5), $"input {i}");
        }
    }

    [Test]
    public async Task The_pooled_encoders_serve_many_threads_at_once()
    {
        var failures = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            var wrong = 0;
            for (var i = 0; i < 300; i++)
            {
                var input = EnvelopeLike(random, random.Next(0, 8));
                if (!Gunzip(GzipEncoder.Gzip(input)).AsSpan().SequenceEqual(input))
                {
                    wrong++;
                }
            }

            return wrong;
        })));
        Assert.That(failures.Sum(), Is.Zero);
    }

    [Test]
    public void A_first_position_below_one_is_refused()
    {
        Assert.That(() => new GzipEncoder(firstPosition: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Skewed_frequencies_get_codes_of_at_most_15_bits_that_fill_the_code_space()
    {
        // Fibonacci counts would give a Huffman code 29 bits deep; deflate allows 15.
        var frequencies = new int[286];
        int a = 1, b = 1;
        for (var i = 0; i < 30; i++)
        {
            frequencies[i] = a;
            (a, b) = (b, a + b);
        }

        var code = new HuffmanCode(286);
        code.Build(frequencies, 15);
        Assert.Multiple(() =>
        {
            Assert.That(code.Lengths.Max(), Is.EqualTo(15));
            Assert.That(code.Lengths.Take(30).All(l => l > 0), Is.True, "every used symbol has a code");
            Assert.That(code.Lengths.Skip(30).All(l => l == 0), Is.True, "unused symbols have none");
            Assert.That(code.Lengths.Where(l => l > 0).Sum(l => 1.0 / (1 << l)), Is.EqualTo(1.0), "a complete code (Kraft sum one)");
            Assert.That(code.Lengths[29], Is.LessThanOrEqualTo(code.Lengths[0]), "the most frequent symbol's code is no longer than the rarest's");
        });
    }

    [Test]
    public void A_single_used_symbol_still_gets_a_complete_code()
    {
        var frequencies = new int[30];
        frequencies[7] = 12;
        var code = new HuffmanCode(30);
        code.Build(frequencies, 15);
        Assert.That(code.Lengths.Count(l => l == 1), Is.EqualTo(2));
        Assert.That(code.Lengths[7], Is.EqualTo(1));
    }

    [Test]
    public void The_folding_crc_agrees_with_the_table_crc_at_every_length()
    {
        var random = new Random(99);
        var data = new byte[5000];
        random.NextBytes(data);
        foreach (var length in Enumerable.Range(0, 300).Concat([1023, 1024, 1025, 4096, 4999, 5000]))
        {
            var slice = data.AsSpan(random.Next(0, 5000 - length + 1), length);
            Assert.That(GzipCrc.Compute(slice), Is.EqualTo(GzipCrc.ComputeScalar(slice)), $"{length} bytes");
        }

        // The check value of the standard ("123456789" gives 0xCBF43926).
        Assert.That(GzipCrc.Compute("123456789"u8), Is.EqualTo(0xCBF43926u));
        Assert.That(GzipCrc.Compute(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("123456789", 20)))), Is.EqualTo(GzipCrc.ComputeScalar(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("123456789", 20))))));
    }

    [Test]
    public void Inputs_over_the_limit_are_refused()
    {
        Assert.That(() => new GzipEncoder().Compress(new byte[GzipEncoder.MaxInput + 1]), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Envelope_writer_bodies_at_fastest_are_readable_gzip()
    {
        using var writer = new EnvelopeWriter();
        writer.Begin(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var json = writer.BeginItem();
        json.WriteStartObject();
        json.WriteString("message", string.Concat(Enumerable.Repeat("hello envelope ", 50)));
        json.WriteEndObject();
        writer.EndItem("event");
        var body = writer.ToBody(CompressionLevel.Fastest);
        Assert.That(Gunzip(body), Is.EqualTo(writer.Written.ToArray()));
    }

    private static byte[] AssertRoundTrip(GzipEncoder encoder, byte[] input, string? because = null)
    {
        var compressed = encoder.Compress(input);
        Assert.That(Gunzip(compressed), Is.EqualTo(input), because);
        return compressed;
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Zlib(byte[] input, int level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            gzip.Write(input);
        }

        return output.ToArray();
    }

    private static byte[] Bytes(Random random, int length, int alphabet)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.Next(alphabet);
        }

        return bytes;
    }

    // Envelope-shaped text: headers, an event with frames, tags and breadcrumbs, ids and numbers that differ.
    private static byte[] EnvelopeLike(Random random, int frames)
    {
        var text = new StringBuilder();
        text.Append("{\"event_id\":\"").Append(Guid.NewGuid().ToString("N")).Append("\",\"sent_at\":\"2026-12-01T17:00:00Z\"}\n");
        text.Append("{\"type\":\"event\",\"length\":1234}\n{\"level\":\"error\",\"platform\":\"csharp\",\"exception\":{\"values\":[{\"type\":\"System.InvalidOperationException\",\"value\":\"plain ")
            .Append(random.Next()).Append("\",\"stacktrace\":{\"frames\":[");
        for (var i = 0; i < frames; i++)
        {
            text.Append("{\"function\":\"<Main>b__").Append(random.Next(0, 9)).Append('_').Append(i)
                .Append("\",\"module\":\"Sentry.Management.Benchmarks.Workload\",\"filename\":\"Workload.cs\",\"lineno\":")
                .Append(random.Next(1, 400)).Append(",\"in_app\":true},");
        }

        text.Append("]}}]},\"tags\":{\"tag1\":\"value1\",\"tag2\":\"value2\"},\"breadcrumbs\":[");
        for (var i = 0; i < 10; i++)
        {
            text.Append("{\"timestamp\":").Append(1_796_127_556 + random.Next(0, 1000)).Append(",\"message\":\"breadcrumb ").Append(i).Append("\",\"category\":\"bench\"},");
        }

        text.Append("]}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
