using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.DependencyInjection;

/// <summary>The seed's <c>integrations.*.enabled</c> switches turn the integrations on for the whole app under DI.</summary>
public class IntegrationRegistrationTests
{
    private const string Json = """
        { "Sentry": {
          "dsn": "https://examplePublicKey@o0.ingest.sentry.io/0",
          "release": "my-app@1.0.0",
          "integrations": { "http": { "enabled": true }, "console": { "enabled": true, "levels": ["error", "warn"] } },
          "performance": { "enabled": true, "sampleRate": 1.0, "tracePropagationTargets": ["localhost", "api.example.com"] }
        } }
        """;

    [Test]
    public async Task Enabled_integrations_trace_every_factory_client_and_record_every_logger()
    {
        var transport = new RecordingHandler();
        var seen = new HeaderRecorder();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection();
        services.AddSentryManagement(configuration.GetSection("Sentry")).CaptureHttpClient().ConfigurePrimaryHttpMessageHandler(() => transport);
        services.AddHttpClient("orders").ConfigurePrimaryHttpMessageHandler(() => seen);
        await using var provider = services.BuildServiceProvider();

        var capture = provider.GetRequiredService<SentryCaptureClient>();
        var logger = provider.GetRequiredService<ILogger<IntegrationRegistrationTests>>();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        var tx = capture.StartTransaction("checkout", "task");
        (await http.GetAsync(new Uri("https://api.example.com/orders/1"))).Dispose();
#pragma warning disable CA1848
        logger.LogWarning("stock low");
#pragma warning restore CA1848
        tx.Finish();
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Requests.Single().Header("sentry-trace"), Does.StartWith(tx.TraceId));
            Assert.That(transport.Requests.Select(r => r.Envelope).SelectMany(e => e.Items).Select(i => i.Type), Is.SupersetOf(new[] { "transaction", "log" }));
            Assert.That(capture.Scope.Breadcrumbs.Select(b => b.Category), Is.EqualTo(new[] { "http", typeof(IntegrationRegistrationTests).FullName }));
        });
    }
}
