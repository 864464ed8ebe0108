using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture;

/// <summary>
/// An event's tags and extras share inline slots until one kind outgrows them; they must still behave as the
/// dictionaries they are typed as, and reach the payload whole and in order.
/// </summary>
public class ErrorEventFieldsTests
{
    [Test]
    public void Tags_and_extras_behave_like_dictionaries()
    {
        var evt = new ErrorEvent();
        evt.Tags["a"] = "1";
        evt.Tags.Add("b", "2");
        evt.Extra["a"] = 3;
        evt.Tags["a"] = "one";

        Assert.Multiple(() =>
        {
            Assert.That(evt.Tags, Has.Count.EqualTo(2));
            Assert.That(evt.Extra, Has.Count.EqualTo(1));
            Assert.That(evt.Tags["a"], Is.EqualTo("one"), "a tag and an extra with the same key are separate");
            Assert.That(evt.Extra["a"], Is.EqualTo(3));
            Assert.That(evt.Tags.Keys, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(evt.Tags.ToList(), Is.EqualTo(new[] { KeyValuePair.Create("a", "one"), KeyValuePair.Create("b", "2") }));
            Assert.That(evt.Extra.Values, Is.EqualTo(new object?[] { 3 }));
            Assert.That(() => evt.Tags.Add("b", "again"), Throws.ArgumentException);
            Assert.That(() => evt.Tags["missing"], Throws.TypeOf<KeyNotFoundException>());
            Assert.That(() => evt.Extra["missing"], Throws.TypeOf<KeyNotFoundException>());
            Assert.That(evt.Tags.TryGetValue("missing", out _), Is.False);
            Assert.That(evt.Tags.Contains(KeyValuePair.Create("b", "2")), Is.True);
        });

        Assert.That(evt.Tags.Remove("a"), Is.True);
        Assert.That(evt.Tags.Remove("a"), Is.False);
        Assert.That(evt.Tags.Keys, Is.EqualTo(new[] { "b" }));
        Assert.That(evt.Extra["a"], Is.EqualTo(3), "removing a tag keeps the extra of the same key");
        evt.Extra.Clear();
        Assert.That(evt.Extra, Is.Empty);
        Assert.That(evt.Tags, Has.Count.EqualTo(1));
        Assert.That(() =>
        {
            foreach (var _ in evt.Tags)
            {
                evt.Tags["c"] = "added while enumerating";
            }
        }, Throws.InvalidOperationException);
    }

    [Test]
    public void More_fields_than_the_inline_slots_keep_every_value_and_its_order()
    {
        var evt = new ErrorEvent();
        for (var i = 0; i < 5; i++)
        {
            evt.Extra[$"x{i}"] = i;
        }

        for (var i = 0; i < 20; i++)
        {
            evt.Tags[$"t{i}"] = $"v{i}";
        }

        evt.Extra["x5"] = 5;
        evt.Tags.Remove("t3");

        Assert.Multiple(() =>
        {
            Assert.That(evt.Tags.Keys, Is.EqualTo(Enumerable.Range(0, 20).Where(i => i != 3).Select(i => $"t{i}")));
            Assert.That(evt.Tags["t19"], Is.EqualTo("v19"));
            Assert.That(evt.Extra.Keys, Is.EqualTo(Enumerable.Range(0, 6).Select(i => $"x{i}")));
            Assert.That(evt.Extra.Values, Is.EqualTo(Enumerable.Range(0, 6).Cast<object?>()));
        });
    }

    [Test]
    public void Filling_the_slots_with_one_kind_still_takes_the_other_and_keeps_both_in_order()
    {
        var evt = new ErrorEvent();
        for (var i = 0; i < 8; i++)
        {
            evt.Tags[$"t{i}"] = $"v{i}";
        }

        evt.Extra["first"] = 1; // The slots are full of tags: this one moves everything out of them.
        evt.Tags["t8"] = "v8";
        evt.Extra["second"] = "two";
        evt.Tags["t0"] = "replaced";
        Assert.That(evt.Extra.Remove("first"), Is.True);
        evt.Tags.Clear();
        evt.Tags["after"] = "clear";

        Assert.Multiple(() =>
        {
            Assert.That(evt.Tags.ToList(), Is.EqualTo(new[] { KeyValuePair.Create("after", "clear") }));
            Assert.That(evt.Extra.ToList(), Is.EqualTo(new[] { KeyValuePair.Create<string, object?>("second", "two") }));
            Assert.That(evt.Extra.ContainsKey("first"), Is.False);
            Assert.That(evt.Tags.ContainsKey("t0"), Is.False);
        });
    }

    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(false, false)]
    public void The_exception_and_the_message_are_each_kept_whichever_is_set_or_cleared_first(bool exceptionFirst, bool clearException)
    {
        var exception = new InvalidOperationException("boom");
        var evt = new ErrorEvent();
        if (exceptionFirst)
        {
            evt.Exception = exception;
            evt.Message = "note";
        }
        else
        {
            evt.Message = "note";
            evt.Exception = exception;
        }

        Assert.That((evt.Exception, evt.Message), Is.EqualTo(((Exception?)exception, (string?)"note")));
        if (clearException)
        {
            evt.Exception = null;
            Assert.That((evt.Exception, evt.Message), Is.EqualTo(((Exception?)null, (string?)"note")));
        }
        else
        {
            evt.Message = null;
            Assert.That((evt.Exception, evt.Message), Is.EqualTo(((Exception?)exception, (string?)null)));
        }
    }

    [Test]
    public async Task Spilled_and_inline_fields_are_all_sent_and_event_values_win_over_the_scope()
    {
        var handler = new RecordingHandler();
        await using (var capture = new SentryCaptureClient(TestOptions.Create(), handler))
        {
            capture.Scope.SetTag("shared", "scope");
            capture.Scope.SetTag("scope-only", "kept");
            capture.CaptureMessage("fields", configure: e =>
            {
                e.Tags["shared"] = "event";
                for (var i = 0; i < 12; i++)
                {
                    e.Tags[$"t{i}"] = $"v{i}";
                }

                e.Extra["n"] = 7;
            });
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var json = handler.Items("event").Single().Json;
        var tags = json.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Multiple(() =>
        {
            Assert.That(tags, Has.Count.EqualTo(14));
            Assert.That(tags["shared"], Is.EqualTo("event"));
            Assert.That(tags["scope-only"], Is.EqualTo("kept"));
            Assert.That(tags["t11"], Is.EqualTo("v11"));
            Assert.That(json.GetProperty("extra").GetProperty("n").GetInt32(), Is.EqualTo(7));
        });
    }
}
