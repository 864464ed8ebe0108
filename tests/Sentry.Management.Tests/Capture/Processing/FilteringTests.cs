using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Processing;

public class FilteringTests
{
    private static async Task<(RecordingHandler Handler, SentryCaptureCounters Counters)> RunAsync(Action<SentryCaptureOptions> configure, Action<SentryCaptureClient> capture)
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        configure(options);
        await using var client = new SentryCaptureClient(options, handler);
        capture(client);
        await client.FlushAsync(TimeSpan.FromSeconds(10));
        return (handler, client.Counters);
    }

    [Test]
    public async Task Rules_drop_matching_events_and_count_them()
    {
        var (handler, counters) = await RunAsync(
            o =>
            {
                o.FilterRules.Add(new SentryFilterRule { Type = SentryFilterTarget.Exception, Pattern = "Network timeout" });
                o.FilterRules.Add(new SentryFilterRule { ExceptionType = "FormatException" });
                o.FilterRules.Add(new SentryFilterRule { Pattern = "^health-\\d+$", IsRegex = true });
                o.FilterRules.Add(new SentryFilterRule { Tag = "tenant", TagValue = "noisy" });
                o.FilterRules.Add(new SentryFilterRule { Pattern = "chatty", Action = SentryFilterAction.Sample, SampleRate = 0 });
            },
            c =>
            {
                c.CaptureException(new TimeoutException("Network timeout after 30s"));
                c.CaptureException(new InvalidOperationException("wrapper", new FormatException("bad")));
                c.CaptureMessage("health-200");
                c.CaptureMessage("from noisy tenant", configure: e => e.Tags["tenant"] = "noisy");
                c.CaptureMessage("chatty message");
                c.CaptureMessage("Network timeout as a message is kept: the rule is for exceptions");
                c.CaptureMessage("kept");
            });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Items("event").Select(i => i.Json.GetProperty("message").GetProperty("formatted").GetString()),
                Is.EquivalentTo(new[] { "Network timeout as a message is kept: the rule is for exceptions", "kept" }));
            Assert.That(counters.Discarded(SentryDiscardReason.EventProcessor, SentryDataCategory.Error), Is.EqualTo(4));
            Assert.That(counters.Discarded(SentryDiscardReason.SampleRate, SentryDataCategory.Error), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Before_send_can_change_or_drop_and_a_throwing_hook_sends_the_event_unchanged()
    {
        var (handler, counters) = await RunAsync(
            o => o.BeforeSend = e => e.Message switch
            {
                "drop" => null,
                "throw" => throw new InvalidOperationException("hook bug"),
                _ => ChangeLevel(e),
            },
            c =>
            {
                c.CaptureMessage("drop");
                c.CaptureMessage("throw");
                c.CaptureMessage("change");
            });

        var events = handler.Items("event").Select(i => i.Json).ToDictionary(j => j.GetProperty("message").GetProperty("formatted").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(events.Keys, Is.EquivalentTo(new[] { "throw", "change" }));
            Assert.That(events["change"].GetProperty("level").GetString(), Is.EqualTo("fatal"));
            Assert.That(events["throw"].GetProperty("level").GetString(), Is.EqualTo("info"));
            Assert.That(counters.Discarded(SentryDiscardReason.BeforeSend, SentryDataCategory.Error), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Before_breadcrumb_can_drop_and_a_throwing_hook_keeps_the_breadcrumb()
    {
        var (handler, _) = await RunAsync(
            o => o.BeforeBreadcrumb = b => b.Message == "secret step" ? null : b.Message == "bad" ? throw new InvalidOperationException() : b,
            c =>
            {
                c.Scope.AddBreadcrumb("secret step");
                c.Scope.AddBreadcrumb("bad");
                c.Scope.AddBreadcrumb("ok");
                c.CaptureMessage("with crumbs");
            });

        var crumbs = handler.Items("event").Single().Json.GetProperty("breadcrumbs").GetProperty("values").EnumerateArray().Select(b => b.GetProperty("message").GetString());
        Assert.That(crumbs, Is.EqualTo(new[] { "bad", "ok" }));
    }

    [Test]
    public async Task Pii_is_scrubbed_by_default()
    {
        var (handler, _) = await RunAsync(
            o => o.ScrubKeys.Add("ssn"),
            c =>
            {
                c.Scope.SetTag("auth_token", "t0k3n");
                c.Scope.AddBreadcrumb(new SentryBreadcrumb("login") { Data = new Dictionary<string, string> { ["Cookie"] = "session=abc" } });
                c.CaptureMessage("paid with 4111 1111 1111 1111 and order 12345", configure: e =>
                {
                    e.Extra["Password"] = "hunter2";
                    e.Extra["customer"] = new Dictionary<string, object?> { ["ssn"] = "078-05-1120", ["name"] = "Ann" };
                    e.Extra["Authorization"] = "Bearer xyz";
                });
            });

        var json = handler.Items("event").Single().Json;
        var text = json.GetRawText();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("message").GetProperty("formatted").GetString(), Is.EqualTo("paid with [Filtered] and order 12345"));
            Assert.That(json.GetProperty("extra").GetProperty("Password").GetString(), Is.EqualTo("[Filtered]"));
            Assert.That(json.GetProperty("extra").GetProperty("Authorization").GetString(), Is.EqualTo("[Filtered]"));
            Assert.That(json.GetProperty("extra").GetProperty("customer").GetProperty("ssn").GetString(), Is.EqualTo("[Filtered]"));
            Assert.That(json.GetProperty("extra").GetProperty("customer").GetProperty("name").GetString(), Is.EqualTo("Ann"));
            Assert.That(json.GetProperty("tags").GetProperty("auth_token").GetString(), Is.EqualTo("[Filtered]"));
            Assert.That(text, Does.Not.Contain("hunter2").And.Not.Contain("t0k3n").And.Not.Contain("session=abc").And.Not.Contain("4111"));
        });
    }

    [Test]
    public async Task Send_default_pii_sends_email_and_ip()
    {
        var (handler, _) = await RunAsync(
            o => o.SendDefaultPii = true,
            c => c.CaptureMessage("x", configure: e => e.User = new CaptureUser { Email = "a@b.c", IpAddress = "1.2.3.4" }));

        var user = handler.Items("event").Single().Json.GetProperty("user");
        Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("a@b.c"));
        Assert.That(user.GetProperty("ip_address").GetString(), Is.EqualTo("1.2.3.4"));
    }

    [Test]
    public async Task Sample_rates_drop_and_count()
    {
        var (handler, counters) = await RunAsync(
            o => { o.SampleRate = 0; o.TracesSampleRate = 0; },
            c =>
            {
                c.CaptureMessage("x");
                var tx = c.StartTransaction("t", "op");
                tx.StartChild("child").Finish();
                tx.Finish();
            });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Items("event").Concat(handler.Items("transaction")), Is.Empty);
            Assert.That(counters.Discarded(SentryDiscardReason.SampleRate, SentryDataCategory.Error), Is.EqualTo(1));
            Assert.That(counters.Discarded(SentryDiscardReason.SampleRate, SentryDataCategory.Transaction), Is.EqualTo(1));
        });
    }

    private static ErrorEvent ChangeLevel(ErrorEvent e)
    {
        e.Level = EventLevel.Fatal;
        return e;
    }

}
