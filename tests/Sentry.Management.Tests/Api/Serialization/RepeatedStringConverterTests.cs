using System.Text;
using System.Text.Json;
using Sentry.Management.Serialization;

namespace Sentry.Management.Tests.Api.Serialization;

public class RepeatedStringConverterTests
{
    [Test]
    public void The_project_every_issue_of_a_listing_carries_is_read_once()
    {
        var issue = "{\"id\":\"1\",\"platform\":\"csharp\",\"type\":\"error\",\"project\":{\"id\":\"4505281256090153\",\"slug\":\"backend\",\"name\":\"Backend\",\"platform\":\"csharp\"}}";
        var issues = JsonSerializer.Deserialize($"[{issue},{issue.Replace("\"1\"", "\"2\"", StringComparison.Ordinal)}]", IssuesJsonContext.Default.ListIssue)!;

        var (first, second) = (issues[0], issues[1]);
        Assert.Multiple(() =>
        {
            Assert.That(second.Project!.Slug, Is.EqualTo("backend"));
            Assert.That(second.Project.Name, Is.SameAs(first.Project!.Name), "one string per distinct value");
            Assert.That(second.Project.Id, Is.SameAs(first.Project.Id));
            Assert.That(second.Platform, Is.SameAs(first.Platform));
            Assert.That(second.Type, Is.EqualTo("error"));
            Assert.That(second.Id, Is.EqualTo("2"), "ids are read as sent");
        });
    }

    [Test]
    public void A_value_read_before_is_read_again_without_allocating()
    {
        var converter = new RepeatedStringConverter();
        var json = "\"javascript-react\""u8.ToArray();
        Assert.That(Read(converter, json), Is.EqualTo("javascript-react"), "first read");

        const int Reads = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        string? again = null;
        for (var i = 0; i < Reads; i++)
        {
            again = Read(converter, json);
        }

        Assert.Multiple(() =>
        {
            // Decoding would allocate a 56-byte string per read; the runtime may allocate a few bytes once meanwhile.
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(Reads));
            Assert.That(again, Is.EqualTo("javascript-react"));
        });
    }

    [Test]
    public void Numbers_booleans_escapes_and_nulls_read_as_the_tolerant_reader_reads_them()
    {
        var project = JsonSerializer.Deserialize("{\"id\":4505281256090153,\"slug\":\"back\\u0065nd\",\"name\":null,\"platform\":true}", IssuesJsonContext.Default.IssueProject)!;
        Assert.Multiple(() =>
        {
            Assert.That(project.Id, Is.EqualTo("4505281256090153"));
            Assert.That(project.Slug, Is.EqualTo("backend"));
            Assert.That(project.Name, Is.Null);
            Assert.That(project.Platform, Is.EqualTo("true"));
        });
    }

    [Test]
    public void More_distinct_values_than_the_table_holds_still_read_exactly()
    {
        var converter = new RepeatedStringConverter();
        var values = Enumerable.Range(0, RememberedValues<string>.Capacity * 12)
            .Select(i => i % 5 == 0 ? new string('s', RememberedValues<string>.MaxLength + i) : $"slug-{i}")
            .ToArray();

        var firstPass = values.Select(v => Read(converter, Encoding.UTF8.GetBytes($"\"{v}\""))).ToArray();
        var secondPass = values.Select(v => Read(converter, Encoding.UTF8.GetBytes($"\"{v}\""))).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(firstPass, Is.EqualTo(values));
            Assert.That(secondPass, Is.EqualTo(values));
        });
    }

    [Test]
    public void Non_ascii_values_read_exactly_every_time()
    {
        var converter = new RepeatedStringConverter();
        var json = Encoding.UTF8.GetBytes("\"zürich-backend\"");
        Assert.Multiple(() =>
        {
            Assert.That(Read(converter, json), Is.EqualTo("zürich-backend"));
            Assert.That(Read(converter, json), Is.EqualTo("zürich-backend"), "compared as ASCII, a non-ASCII value never matches a remembered one; it is decoded");
        });
    }

    [Test]
    public void The_table_keeps_working_when_its_miss_counter_wraps()
    {
        var values = new RememberedValues<string>(static text => text, misses: int.MaxValue - 3);
        var read = Enumerable.Range(0, 20).Select(i => Read(values, Encoding.UTF8.GetBytes($"\"value-{i}\""))).ToArray();

        Assert.That(read, Is.EqualTo(Enumerable.Range(0, 20).Select(i => $"value-{i}")));
    }

    private static string Read(RememberedValues<string> values, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return values.Read(ref reader);
    }

    private static string? Read(RepeatedStringConverter converter, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return converter.Read(ref reader, typeof(string), JsonSerializerOptions.Default);
    }
}
