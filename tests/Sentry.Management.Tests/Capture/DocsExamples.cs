using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sentry.Management.Tests.Capture;

/// <summary>
/// The C# blocks of docs/capture.md, compiled (and the first one run against an in-memory handler), so the page
/// cannot drift from the API. Keep both in step; the integrator may move these into the docs snippets project.
/// </summary>
public class DocsExamples
{
    [Test]
    public async Task Capture_page_first_example_runs()
    {
        var handler = new Support.RecordingHandler();
        await using var sentry = new SentryCaptureClient(
            new SentryCaptureOptions
            {
                Dsn = "https://abc123@o0.ingest.sentry.io/42",
                Release = "shop@1.4.2",
                Environment = "production",
                TracesSampleRate = 0.2,
            },
            handler);

        sentry.Scope.SetUser(new CaptureUser { Id = "42" });
        sentry.Scope.SetTag("region", "eu");
        sentry.Scope.AddBreadcrumb("cart loaded", "shop");

        try
        {
            throw new TimeoutException("payment provider did not answer");
        }
        catch (Exception ex)
        {
            sentry.Exception(ex)
                .User(id: "42", email: "ann@example.com", username: "ann")
                .Tag("area", "payments")
                .Extra("orderId", 17)
                .Fingerprint("payment-processing", "{{ default }}")
                .Level(EventLevel.Error)
                .Capture();
        }

        sentry.Message("cart abandoned", EventLevel.Warning).Tag("step", "payment").Capture();
        sentry.CaptureException(new InvalidOperationException("stock"), e =>
        {
            e.Tags["tenant"] = "acme";
            e.Fingerprint = ["{{ default }}", "acme"];
        });

        var tx = sentry.StartTransaction("GET /orders/{id}", "http.server");
        var db = tx.StartChild("db.query", "SELECT ...");
        db.Finish();
        tx.Finish(TraceSpanStatus.Ok);

        sentry.IncrementCounter("orders.created", 1, "none", new Dictionary<string, string> { ["region"] = "eu" });
        sentry.SetGauge("queue.depth", 17);
        sentry.RecordDistribution("checkout.latency", 231.5, "millisecond");

        Assert.That(await sentry.FlushAsync(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(handler.Items("event").Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task Capture_page_dependency_injection_example_resolves()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sentry:dsn"] = "https://abc123@o0.ingest.sentry.io/42",
            ["Sentry:authToken"] = "sntrys_fake_token_for_tests",
        }).Build();
        var services = new ServiceCollection();

        services.AddSentryManagement(configuration.GetSection("Sentry"))
            .ConfigureCapture(o => o.BeforeSend = e => e.Tags.ContainsKey("synthetic") ? null : e);

        await using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<SentryCaptureClient>().Options.BeforeSend, Is.Not.Null);
    }

    // docs/capture.md, "Faking capture in your tests".
    private sealed class FakeCapture : SentryCaptureClient
    {
        public List<ErrorEvent> Events { get; } = [];

        public override Guid CaptureEvent(ErrorEvent? errorEvent)
        {
            Events.Add(errorEvent!);
            return Guid.NewGuid();
        }
    }

    [Test]
    public void Capture_page_fake_records_events()
    {
        var fake = new FakeCapture();
        fake.Message("hello").Capture();
        Assert.That(fake.Events.Single().Message, Is.EqualTo("hello"));
    }
}
