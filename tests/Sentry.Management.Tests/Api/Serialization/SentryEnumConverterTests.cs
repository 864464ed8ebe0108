using System.Text;
using System.Text.Json;
using Sentry.Management.Serialization;

namespace Sentry.Management.Tests.Api.Serialization;

public class SentryEnumConverterTests
{
    [Test]
    public void A_value_read_before_is_read_again_without_allocating()
    {
        var converter = new SentryEnumConverter<IssueSubstatus>();
        var json = "\"regressed\""u8.ToArray();
        Assert.That(Read(converter, json), Is.EqualTo(IssueSubstatus.Regressed), "first read");

        const int Reads = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        IssueSubstatus again = default;
        for (var i = 0; i < Reads; i++)
        {
            again = Read(converter, json);
        }

        Assert.Multiple(() =>
        {
            // Decoding would allocate a 42-byte string per read; the runtime may allocate a few bytes once meanwhile.
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(Reads), "a remembered value is matched on its bytes, not decoded into a new string");
            Assert.That(again, Is.EqualTo(IssueSubstatus.Regressed));
        });
    }

    [Test]
    public void Escaped_numeric_and_boolean_values_read_as_their_text()
    {
        var converter = new SentryEnumConverter<IssueLevel>();
        Assert.Multiple(() =>
        {
            Assert.That(Read(converter, "\"\\u0065rror\""u8.ToArray()).Value, Is.EqualTo("error"));
            Assert.That(Read(converter, "\"error\""u8.ToArray()).Value, Is.EqualTo("error"));
            Assert.That(Read(converter, "3"u8.ToArray()).Value, Is.EqualTo("3"));
            Assert.That(Read(converter, "true"u8.ToArray()).Value, Is.EqualTo("true"));
        });
    }

    [Test]
    public void More_distinct_values_than_the_table_holds_still_read_exactly()
    {
        var converter = new SentryEnumConverter<IssuePriority>();
        var values = Enumerable.Range(0, RememberedValues<IssuePriority>.Capacity * 12)
            .Select(i => i % 7 == 0 ? new string('p', RememberedValues<IssuePriority>.MaxLength + i) : $"priority-{i}")
            .ToArray();

        var firstPass = values.Select(v => Read(converter, Json(v)).Value).ToArray();
        var secondPass = values.Select(v => Read(converter, Json(v)).Value).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(firstPass, Is.EqualTo(values));
            Assert.That(secondPass, Is.EqualTo(values));
        });
    }

    [Test]
    public async Task Values_read_on_many_threads_at_once_are_each_read_as_sent()
    {
        var values = Enumerable.Range(0, 40).Select(i => $"status-{i}").ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var converter = new SentryEnumConverter<IssueStatus>();
            var wrong = 0;
            for (var round = 0; round < 200; round++)
            {
                foreach (var value in values)
                {
                    wrong += Read(converter, Json(value)).Value == value ? 0 : 1;
                }
            }

            return wrong;
        })));

        Assert.That(results, Is.All.Zero);
    }

    [Test]
    public void A_page_of_issues_reads_its_enums_as_sent()
    {
        var json = "[{\"level\":\"error\",\"status\":\"resolved\",\"substatus\":null},{\"level\":\"fatal\",\"status\":\"something_new\",\"substatus\":\"ongoing\"},{\"level\":\"error\",\"status\":\"resolved\"}]";
        var issues = JsonSerializer.Deserialize(json, IssuesJsonContext.Default.ListIssue)!;

        Assert.Multiple(() =>
        {
            Assert.That(issues.Select(i => i.Level), Is.EqualTo(new IssueLevel?[] { IssueLevel.Error, IssueLevel.Fatal, IssueLevel.Error }));
            Assert.That(issues.Select(i => i.Status?.Value), Is.EqualTo(new[] { "resolved", "something_new", "resolved" }));
            Assert.That(issues.Select(i => i.Substatus), Is.EqualTo(new IssueSubstatus?[] { null, IssueSubstatus.Ongoing, null }));
        });
    }

    private static byte[] Json(string value) => Encoding.UTF8.GetBytes($"\"{value}\"");

    private static T Read<T>(SentryEnumConverter<T> converter, byte[] json)
        where T : struct, ISentryEnum<T>
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return converter.Read(ref reader, typeof(T), JsonSerializerOptions.Default);
    }
}
