using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Logging;

/// <summary>The logging integration under DI: breadcrumbs and events at the configured levels, Sentry Logs with template, typed parameters and trace, and no feedback loops.</summary>
public class LoggingIntegrationTests
{
    private static ServiceProvider Build(RecordingHandler transport, Action<SentryCaptureOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddSentryCapture().AddSentryCapture());
        services.AddSentryCapture(o =>
        {
            o.Dsn = TestOptions.Dsn;
            o.Release = "app@1.2.3";
            o.TracesSampleRate = 1;
            o.Integrations.Console.Enabled = true;
            o.Integrations.Console.Levels.Clear();
            o.Integrations.Console.Levels.Add(EventLevel.Error);
            o.Integrations.Console.Levels.Add(EventLevel.Warning);
            configure(o);
        }).ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task Entries_at_the_levels_become_breadcrumbs_events_and_logs_linked_to_the_trace()
    {
        var transport = new RecordingHandler();
        await using var provider = Build(transport, _ => { });
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Checkout");
        var capture = provider.GetRequiredService<SentryCaptureClient>();

        var tx = capture.StartTransaction("checkout", "task");
#pragma warning disable CA1848, CA2254 // The test logs the way app code without source-generated loggers does.
        logger.LogInformation("not recorded: info is not a configured level");
        logger.LogDebug("not recorded either");
        logger.LogWarning("Order {OrderId} retried {Attempts} times after {Seconds}s for {Email} paid={Paid}", "A-17", 3, 1.5, "ann@example.com", true);
        logger.LogError(new TimeoutException("provider timeout"), "Payment for {OrderId} failed", "A-17");
        logger.LogCritical("Disk full");
#pragma warning restore CA1848, CA2254
        tx.Finish();
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var crumbs = capture.Scope.Breadcrumbs;
        var errorEvent = transport.Items("event").Single().Json;
        var logItems = transport.Items("log").ToList();
        var logs = logItems.SelectMany(i => i.Json.GetProperty("items").EnumerateArray()).ToList();
        var warning = logs.Single(l => l.GetProperty("level").GetString() == "warn");
        var attributes = warning.GetProperty("attributes");
        Assert.Multiple(() =>
        {
            Assert.That(crumbs.Select(c => (c.Category, c.Level)), Is.EqualTo(new[]
            {
                ("Shop.Checkout", EventLevel.Warning), ("Shop.Checkout", EventLevel.Error), ("Shop.Checkout", EventLevel.Fatal),
            }));
            Assert.That(errorEvent.GetProperty("logger").GetString(), Is.EqualTo("Shop.Checkout"));
            Assert.That(errorEvent.GetProperty("exception").GetProperty("values")[0].GetProperty("type").GetString(), Is.EqualTo("System.TimeoutException"));
            Assert.That(transport.Items("event").Count(), Is.EqualTo(1), "only the entry with an exception is an event");

            Assert.That(logItems.Select(i => i.Header.GetProperty("content_type").GetString()), Is.All.EqualTo("application/vnd.sentry.items.log+json"));
            Assert.That(logItems.Sum(i => i.Header.GetProperty("item_count").GetInt32()), Is.EqualTo(3));
            Assert.That(logs.Select(l => l.GetProperty("level").GetString()), Is.EquivalentTo(new[] { "warn", "error", "fatal" }));
            Assert.That(logs.Select(l => l.GetProperty("trace_id").GetString()), Is.All.EqualTo(tx.TraceId));
            Assert.That(logs.Select(l => l.GetProperty("span_id").GetString()), Is.All.EqualTo(tx.SpanId));
            Assert.That(warning.GetProperty("severity_number").GetInt32(), Is.EqualTo(13));
            Assert.That(warning.GetProperty("body").GetString(), Does.StartWith("Order A-17 retried 3 times after 1.5s"));
            Assert.That(Attribute(attributes, "sentry.message.template"), Is.EqualTo(("string", "Order {OrderId} retried {Attempts} times after {Seconds}s for {Email} paid={Paid}")));
            Assert.That(Attribute(attributes, "sentry.message.parameter.OrderId"), Is.EqualTo(("string", "A-17")));
            Assert.That(Attribute(attributes, "sentry.message.parameter.Attempts"), Is.EqualTo(("integer", "3")));
            Assert.That(Attribute(attributes, "sentry.message.parameter.Seconds"), Is.EqualTo(("double", "1.5")));
            Assert.That(Attribute(attributes, "sentry.message.parameter.Paid"), Is.EqualTo(("boolean", "True")));
            Assert.That(Attribute(attributes, "sentry.release"), Is.EqualTo(("string", "app@1.2.3")));
            Assert.That(Attribute(attributes, "category.name"), Is.EqualTo(("string", "Shop.Checkout")));
            Assert.That(capture.Counters.Delivered(SentryDataCategory.LogItem), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Before_breadcrumb_drops_debug_breadcrumbs_as_the_seed_does_while_logs_still_go_out()
    {
        var transport = new RecordingHandler();
        await using var provider = Build(transport, o =>
        {
            o.Integrations.Console.Levels.Add(EventLevel.Debug);
            o.BeforeBreadcrumb = b => b.Level == EventLevel.Debug ? null : b;
        });
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Shop");
        var capture = provider.GetRequiredService<SentryCaptureClient>();
#pragma warning disable CA1848, CA2254
        logger.LogDebug("cache miss");
        logger.LogTrace("trace entry");
        logger.LogWarning("slow");
#pragma warning restore CA1848, CA2254
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var levels = transport.Items("log").SelectMany(i => i.Json.GetProperty("items").EnumerateArray()).Select(l => l.GetProperty("level").GetString());
        Assert.That(capture.Scope.Breadcrumbs.Select(b => b.Message), Is.EqualTo(new[] { "slow" }));
        Assert.That(levels, Is.EquivalentTo(new[] { "debug", "trace", "warn" }));
    }

    [Test]
    public async Task The_library_own_entries_and_entries_logged_by_hooks_on_capture_workers_are_never_captured()
    {
        var transport = new RecordingHandler();
        ILogger? hookLogger = null;
        var hookRuns = 0;
        await using var provider = Build(transport, o => o.BeforeSend = e =>
        {
            Interlocked.Increment(ref hookRuns);
#pragma warning disable CA1848, CA2254
            hookLogger!.LogError(new InvalidOperationException("logged inside BeforeSend"), "hook saw {Id}", e.EventId);
#pragma warning restore CA1848, CA2254
            return e;
        });
        var factory = provider.GetRequiredService<ILoggerFactory>();
        hookLogger = factory.CreateLogger("App.Hooks");
        var capture = provider.GetRequiredService<SentryCaptureClient>();
#pragma warning disable CA1848, CA2254
        factory.CreateLogger("Sentry.Management.Capture").LogError(new InvalidOperationException("own"), "own diagnostics");
#pragma warning restore CA1848, CA2254
        capture.CaptureMessage("one event", EventLevel.Error);
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(hookRuns, Is.EqualTo(1));
            Assert.That(transport.Items("event").Count(), Is.EqualTo(1));
            Assert.That(transport.Items("log"), Is.Empty);
            Assert.That(capture.Scope.Breadcrumbs, Is.Empty);
        });
    }

    private static (string? Type, string? Value) Attribute(JsonElement attributes, string key)
    {
        var attribute = attributes.GetProperty(key);
        var value = attribute.GetProperty("value");
        return (attribute.GetProperty("type").GetString(), value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() switch
        {
            "true" => "True",
            "false" => "False",
            var other => other,
        });
    }
}
