using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sentry.Management.Tests.DependencyInjection;

/// <summary>Capture's HttpClient comes from IHttpClientFactory, but on its own handler chain, not the management pipeline's.</summary>
public class CaptureRegistrationTests
{
    [Test]
    public async Task Capture_posts_through_its_own_named_client_without_the_management_handlers()
    {
        var json = """{ "Sentry": { "dsn": "https://key@o0.ingest.sentry.io/0", "authToken": "fake-fake_token_for_tests", "capture": { "maxConcurrentSends": 4 } } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddSentryManagement(configuration.GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider();

        var capture = provider.GetRequiredService<SentryCaptureClient>();
        var chain = Chain(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SentryCaptureServiceCollectionExtensions.HttpClientName));
        var management = Chain(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SentryManagementDefaults.HttpClientName));

        Assert.That(capture.Dsn.ProjectId, Is.EqualTo("0"));
        Assert.That(management.Select(h => h.GetType().Namespace), Does.Contain("Sentry.Management.Http"), "the check must see the pipeline's handlers where they are");
        Assert.That(chain.Select(h => h.GetType().FullName), Has.None.StartsWith("Sentry.Management.Http."), "no auth, retry or rate-limit handler of the management pipeline");
        var primary = chain[^1] as SocketsHttpHandler;
        Assert.That(primary, Is.Not.Null);
        Assert.That(primary!.AllowAutoRedirect, Is.False);
        Assert.That(primary.PooledConnectionLifetime, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(primary.MaxConnectionsPerServer, Is.EqualTo(4));
    }

    private static List<HttpMessageHandler> Chain(HttpMessageHandler handler)
    {
        var chain = new List<HttpMessageHandler> { handler };
        while (chain[^1] is DelegatingHandler { InnerHandler: { } inner })
        {
            chain.Add(inner);
        }

        return chain;
    }
}
