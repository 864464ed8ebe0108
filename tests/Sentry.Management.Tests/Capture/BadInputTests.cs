using System.Collections;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture;

/// <summary>Bad input gets a clear error at setup, and never an exception or a crash at capture time.</summary>
public class BadInputTests
{
    [Test]
    public void A_malformed_dsn_fails_at_construction_with_the_part_named()
    {
        var options = TestOptions.Create("https://key@sentry.example.com/not-a-project");

        var error = Assert.Throws<ArgumentException>(() => _ = new SentryCaptureClient(options))!;

        Assert.That(error.Message, Does.Contain("project id 'not-a-project' is not a number"));
    }

    [Test]
    public async Task Null_inputs_are_ignored_without_throwing()
    {
        var handler = new RecordingHandler();
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);

        Assert.Multiple(() =>
        {
            Assert.That(client.CaptureException(null), Is.EqualTo(Guid.Empty));
            Assert.That(client.CaptureMessage(null), Is.EqualTo(Guid.Empty));
            Assert.That(client.CaptureEvent(null), Is.EqualTo(Guid.Empty));
            Assert.DoesNotThrow(() => client.IncrementCounter(null!));
            Assert.DoesNotThrow(() => client.SetGauge("g", double.NaN));
        });
        await client.FlushAsync(TimeSpan.FromSeconds(5));
        Assert.That(client.Counters.Captured(SentryDataCategory.Error), Is.Zero);
    }

    [Test]
    public async Task A_throwing_configure_callback_still_captures()
    {
        var handler = new RecordingHandler();
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);

        var id = client.CaptureMessage("m", configure: e =>
        {
            e.Tags["before"] = "kept";
            throw new InvalidOperationException("caller bug");
        });
        await client.FlushAsync(TimeSpan.FromSeconds(5));

        Assert.That(id, Is.Not.EqualTo(Guid.Empty));
        Assert.That(handler.Items("event").Single().Json.GetProperty("tags").GetProperty("before").GetString(), Is.EqualTo("kept"));
    }

    [Test]
    public async Task Cyclic_and_deep_extras_are_cut_and_hostile_objects_survive()
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.NormalizeDepth = 3;
        await using var client = new SentryCaptureClient(options, handler);
        var cyclic = new Dictionary<string, object?> { ["name"] = "loop" };
        cyclic["self"] = cyclic;
        var deep = new Dictionary<string, object?> { ["l1"] = new Dictionary<string, object?> { ["l2"] = new Dictionary<string, object?> { ["l3"] = new Dictionary<string, object?> { ["l4"] = 1 } } } };

        client.CaptureMessage("extras", configure: e =>
        {
            e.Extra["cyclic"] = cyclic;
            e.Extra["deep"] = deep;
            e.Extra["hostile"] = new ThrowingToString();
            e.Extra["endless"] = new Endless();
        });
        await client.FlushAsync(TimeSpan.FromSeconds(5));

        var extra = handler.Items("event").Single().Json.GetProperty("extra");
        Assert.Multiple(() =>
        {
            Assert.That(extra.GetProperty("cyclic").GetProperty("self").GetString(), Is.EqualTo("[Circular]"));
            Assert.That(extra.GetProperty("deep").GetProperty("l1").GetProperty("l2").GetProperty("l3").GetString(), Is.EqualTo("[Object]"));
            Assert.That(extra.GetProperty("hostile").GetString(), Does.Contain("ToString failed"));
            Assert.That(extra.GetProperty("endless").GetArrayLength(), Is.EqualTo(1001));
        });
    }

    [Test]
    public async Task A_10_MB_message_is_cut_to_max_value_length()
    {
        var handler = new RecordingHandler();
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);

        var id = client.CaptureMessage(new string('x', 10 * 1024 * 1024));
        await client.FlushAsync(TimeSpan.FromSeconds(10));

        var request = handler.Requests.Single();
        var message = request.Envelope.Items.Single().Json.GetProperty("message").GetProperty("formatted").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(message, Has.Length.EqualTo(8192));
            Assert.That(message, Does.EndWith("\u2026"));
            Assert.That(ParsedEnvelope.Gunzip(request.Body), Has.Length.LessThan(20_000));
        });
    }

    [Test]
    public async Task Captures_after_dispose_are_ignored()
    {
        var client = new SentryCaptureClient(TestOptions.Create(), new RecordingHandler());
        await client.DisposeAsync();

        Assert.That(client.CaptureMessage("late"), Is.EqualTo(Guid.Empty));
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(1)), Is.True);
        Assert.DoesNotThrowAsync(async () => await client.DisposeAsync());
    }

    [Test]
    public void Invalid_transaction_names_are_clear_errors()
    {
        var client = new SentryCaptureClient(TestOptions.Create(), new RecordingHandler());
        Assert.Throws<ArgumentException>(() => client.StartTransaction("", "op"));
        Assert.Throws<ArgumentNullException>(() => client.StartTransaction("name", null!));
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("nope");
    }

    private sealed class Endless : IEnumerable
    {
        public IEnumerator GetEnumerator()
        {
            while (true)
            {
                yield return 1;
            }
        }
    }
}
