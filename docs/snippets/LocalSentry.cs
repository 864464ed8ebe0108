using NUnit.Framework;
using Sentry;
using Sentry.Management;
using Sentry.Management.Testing;

namespace DocsSnippets;

internal static class LocalSentryUse
{
    internal static async Task InYourTests()
    {
        #region local-sentry-start
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions
        {
            Organization = "acme",      // default "local"
            Project = "backend",        // default "app"; issue short ids start with it (BACKEND-1)
        });

        Uri url = sentry.Url;           // http://127.0.0.1:54321/  (the management API's base URL)
        string token = sentry.AuthToken;                    // sntryu_…  (send as Authorization: Bearer)
        string organization = sentry.Organization;          // "acme"
        LocalSentryProject project = sentry.Project;        // { Id = "1", Slug = "backend" }
        string dsn = sentry.Dsn;        // http://<key>@127.0.0.1:54321/1  (give it to any SDK)
        IReadOnlyDictionary<string, string> environment = sentry.EnvironmentVariables;  // SENTRY_URL, SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_PROJECT, SENTRY_DSN
        #endregion
        Console.WriteLine($"{url} {token} {organization} {project} {dsn} {environment.Count}");
    }

    internal static async Task ReadBack(LocalSentry sentry)
    {
        #region local-sentry-read-back
        using var client = new SentryManagementClient(new SentryManagementOptions
        {
            BaseUrl = sentry.Url,
            AuthToken = sentry.AuthToken,
            Organization = sentry.Organization,
        });

        await foreach (var issue in client.Issues.List())
            Console.WriteLine($"{issue.ShortId} {issue.Title} x{issue.Count}");
        #endregion
    }

    internal static void Faults(LocalSentry sentry)
    {
        #region local-sentry-faults
        sentry.Faults.Ingestion.RateLimit(TimeSpan.FromSeconds(60), times: null, "error");  // 429 / X-Sentry-Rate-Limits per category
        sentry.Faults.Management.ServerError(503, times: 2);                                // Sentry-shaped 5xx
        sentry.Faults.Management.DropConnections(times: 1);                                 // the client sees a network error
        sentry.Faults.Management.Delay(TimeSpan.FromMilliseconds(5));                       // slow responses
        sentry.Faults.Management.Limit(concurrent: 4, perSecond: 20);                       // enforced, announced in the headers
        sentry.Faults.Apply("ingestion:server-error=500;times=3");                          // the text form
        sentry.Faults.Clear();
        #endregion
    }
}

#region local-sentry-nunit
public class CheckoutReportsErrors
{
    private LocalSentry _sentry = null!;

    [OneTimeSetUp]
    public async Task StartSentry() => _sentry = await LocalSentry.StartAsync();

    [OneTimeTearDown]
    public async Task StopSentry() => await _sentry.DisposeAsync();

    [SetUp]
    public void Forget() => _sentry.Received.Clear();

    [Test]
    public async Task A_failed_payment_is_reported_with_its_order_id()
    {
        using (SentrySdk.Init(o => { o.Dsn = _sentry.Dsn; o.AutoSessionTracking = false; }))
        {
            new Checkout().Pay(orderId: 42);              // your code, which calls SentrySdk.CaptureException
            await SentrySdk.FlushAsync(TimeSpan.FromSeconds(5));
        }

        var events = await _sentry.Received.WaitForEventsAsync(1);

        Assert.That(events[0].Exceptions[0].Type, Is.EqualTo("Shop.PaymentDeclinedException"));
        Assert.That(events[0].Tags["order"], Is.EqualTo("42"));
        Assert.That(events[0].IssueShortId, Is.EqualTo("APP-1"));
    }
}
#endregion

/// <summary>The user's code under test in the NUnit snippet.</summary>
internal sealed class Checkout
{
    private readonly string _gateway = "card";

    public void Pay(int orderId)
    {
        try
        {
            throw new InvalidOperationException($"The {_gateway} gateway declined order {orderId}");
        }
        catch (InvalidOperationException e)
        {
            SentrySdk.ConfigureScope(scope => scope.SetTag("order", orderId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            SentrySdk.CaptureException(e);
        }
    }
}
