namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>A fresh local Sentry per test, with raw HTTP and an event-posting helper.</summary>
public abstract class LocalSentryFixture
{
    private protected LocalSentry Sentry { get; private set; } = null!;

    private protected LocalSentryHttp Http { get; private set; } = null!;

    private protected string Org => Sentry.Organization;

    [SetUp]
    public async Task StartLocalSentryAsync()
    {
        Sentry = await LocalSentry.StartAsync(Options());
        Http = new LocalSentryHttp(Sentry);
    }

    [TearDown]
    public async Task StopLocalSentryAsync()
    {
        Http.Dispose();
        await Sentry.DisposeAsync();
    }

    private protected virtual LocalSentryOptions Options() => new();

    /// <summary>Posts one event and returns it as received (grouped).</summary>
    private protected async Task<ReceivedEvent> SendAsync(object evt)
    {
        var before = Sentry.Received.Events.Count;
        using var response = await Http.PostEnvelopeAsync(Envelopes.Event(evt));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await Sentry.Received.WaitForEventsAsync(before + 1))[before];
    }

    private protected static object Exception(string type, string value, params (string Module, string Function, bool InApp)[] frames) => new
    {
        exception = new
        {
            values = new[]
            {
                new
                {
                    type,
                    value,
                    stacktrace = new { frames = frames.Select(f => new { module = f.Module, function = f.Function, in_app = f.InApp }).ToArray() },
                },
            },
        },
    };
}
