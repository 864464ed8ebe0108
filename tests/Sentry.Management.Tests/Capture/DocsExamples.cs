using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
            ["Sentry:authToken"] = "fake-fake_token_for_tests",
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

    [Test]
    public async Task Capture_page_integration_examples_run()
    {
        await using var sentry = new SentryCaptureClient(
            new SentryCaptureOptions { Dsn = "https://abc123@o0.ingest.sentry.io/42", TracesSampleRate = 1 },
            new Support.RecordingHandler());
        var builder = new { Services = new ServiceCollection(), Logging = new LoggingBuilderStub(new ServiceCollection()) };
        const string upstream = "771a43a4192642f0b136d5159a501700-b0e6f15b45c36b12-1";

        // docs/capture.md, "Outgoing HTTP" (the network call goes to an in-memory answer here).
        builder.Services.AddHttpClient("payments").AddSentryCaptureHandler();
        using var http = new HttpClient(new SentryCaptureHttpHandler(sentry, new Support.HeaderRecorder()));
        var checkout = sentry.StartTransaction("POST /checkout", "http.server");
        using var response = await http.GetAsync(new Uri("https://api.example.com/stock/42?token=abc"));
        checkout.Finish(TraceSpanStatus.FromHttpStatus((int)response.StatusCode));

        // "Incoming traces and transaction names".
        var request = sentry.ContinueHttpTrace("GET", "/users/42/orders?page=2", name => name == "sentry-trace" ? upstream : null);
        Assert.That(request.Name, Is.EqualTo("GET /users/{id}/orders"));
        request.Finish(TraceSpanStatus.FromHttpStatus(200));
        var job = sentry.ContinueTrace(upstream, "sentry-trace_id=771a43a4192642f0b136d5159a501700", "orders.sync", "queue.process");
        job.Finish();
        Assert.That(job.TraceId, Is.EqualTo("771a43a4192642f0b136d5159a501700"));

        // "Logging".
        builder.Logging.AddSentryCapture(); // namespace Microsoft.Extensions.Logging; added for you when integrations.console.enabled is true
        Assert.That(builder.Logging.Services.Any(d => d.ServiceType == typeof(ILoggerProvider)), Is.True);
        builder.Services.AddSentryCapture(o => o.LogBatchInterval = TimeSpan.FromSeconds(2)); // a log entry waits at most 2 s for a fuller batch
        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(SentryCaptureClient)), Is.True);
    }

    [Test]
    public async Task Capture_page_sessions_example_runs()
    {
        var handler = new Support.RecordingHandler();

        // docs/capture.md, "Sessions (release health)".
        await using (var app = new SentryCaptureClient(
            new SentryCaptureOptions
            {
                Dsn = "https://abc123@o0.ingest.sentry.io/42",
                Release = "shop@1.4.2",           // required: Sentry drops sessions without a release
                Environment = "production",
                AutoSessionTracking = true,
                CaptureUnhandledExceptions = true, // see Unhandled errors
            },
            handler))
        {
            app.StartSession(distinctId: "user-42");
            app.EndSession();
            app.RecordRequestSession(RequestSessionStatus.Exited);
            app.RecordRequestSession(RequestSessionStatus.Errored);
        }

        Assert.Multiple(() =>
        {
            Assert.That(handler.Items("session").Count(), Is.EqualTo(4), "auto start, its exit when the explicit one starts, explicit start and end");
            Assert.That(handler.Items("sessions").Single().Json.GetProperty("aggregates")[0].GetProperty("errored").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Capture_page_spool_example_runs()
    {
        var handler = new Support.RecordingHandler();
        var folder = Path.Combine(Path.GetTempPath(), "shop-sentry-spool-" + Guid.NewGuid().ToString("N"));
        try
        {
            // docs/capture.md, "The spool" (a unique folder and an in-memory answer here).
            var options = new SentryCaptureOptions
            {
                Dsn = "https://examplePublicKey@o0.ingest.sentry.io/0",
                SpoolDirectory = folder,
                MaxSpoolFiles = 50_000,
                MaxSpoolBytes = 500L * 1024 * 1024,
            };
            await using var client = new SentryCaptureClient(options, handler);
            client.CaptureMessage("a burst does not lose this");
            var everythingSent = await client.FlushAsync(TimeSpan.FromSeconds(30)); // false if files are still waiting for the link

            Assert.That(everythingSent, Is.True);
            Assert.That(handler.Items("event").Count(), Is.EqualTo(1));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private sealed class LoggingBuilderStub(IServiceCollection services) : ILoggingBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
