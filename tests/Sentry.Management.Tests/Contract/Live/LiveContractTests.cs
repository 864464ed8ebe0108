using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Api;

namespace Sentry.Management.Tests.Contract.Live;

/// <summary>
/// The live half of the contract: the real client, registered through DI, calls Prism serving Sentry's schema.
/// Prism rejects a request that breaks the schema (400/422 and an <c>sl-violations</c> header); the test also checks
/// that JSON bodies use only property names the operation declares (Prism accepts unknown ones) and that every
/// answer deserializes into our models.
/// </summary>
[Category("Contract")]
public class LiveContractTests
{
    private const string Token = "sntrys_contract-test-token-not-a-secret";

    /// <summary>Operations whose request body Prism does not validate; the test validates them with <see cref="RequestBodyValidator"/>.</summary>
    private static readonly HashSet<string> PrismSkipsBody = new(StringComparer.Ordinal)
    {
        IssueRequestBodyTests.BulkUpdate,
        IssueRequestBodyTests.Update,
    };

    private static IEnumerable<TestCaseData> Operations() =>
        LiveOperations.All.Select(o => new TestCaseData(o).SetArgDisplayNames(o.Operation));

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_is_accepted_by_prism_and_its_answer_deserializes(LiveOperation operation)
    {
        var recorder = new TrafficRecorder();
        await using var services = BuildServices(recorder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        try
        {
            await operation.Call(services, timeout.Token);
        }
        catch (SentryApiException e)
        {
            Assert.Fail($"{operation.Operation}: Prism answered {(int)e.StatusCode}: {e.Detail}\nsl-violations: {recorder.ViolationText}\nbody: {e.ResponseBody}");
        }

        Assert.That(recorder.Exchanges, Has.Count.EqualTo(1), "one call, one request (no retries, no redirects)");
        var exchange = recorder.Exchanges.Single();
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Violations, Is.Empty, $"{operation.Operation}: Prism reported schema violations");
            Assert.That($"{exchange.Method} {exchange.Path}", Does.StartWith(operation.Operation.Split(' ')[0] + " "), "the verb on the wire");
            Assert.That(UnknownBodyProperties(operation.Operation, exchange.Body), Is.Empty, $"{operation.Operation}: request body properties the schema does not declare");
            if (PrismSkipsBody.Contains(operation.Operation) && !string.IsNullOrEmpty(exchange.Body))
            {
                // Prism silently skips these bodies (see RequestBodyValidator), so judge them in process.
                Assert.That(RequestBodyValidator.For(operation.Operation, partialUpdate: true).Validate(exchange.Body), Is.Empty, $"{operation.Operation}: request body breaks the schema");
            }
        });
    }

    [Test]
    public async Task Missing_token_gives_SentryAuthorizationException()
    {
        var recorder = new TrafficRecorder();
        await using var services = BuildServices(recorder, b => b.HttpClient.AddHttpMessageHandler(() => new StripAuthorizationHandler()));
        var api = services.GetRequiredService<IOrganizationsApi>();

        var error = Assert.ThrowsAsync<SentryAuthorizationException>(() => api.GetAsync(LiveOperations.Org));

        Assert.That(error!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized));
        Assert.That(error.IsForbidden, Is.False);
        Assert.That(recorder.ViolationText, Does.Contain("security"), "Prism explains the 401 in sl-violations");
    }

    [Test]
    public async Task Not_found_gives_SentryNotFoundException()
    {
        var recorder = new TrafficRecorder();
        await using var services = BuildServices(recorder, b => b.HttpClient.AddHttpMessageHandler(() => new PreferStatusHandler(404)));
        var api = services.GetRequiredService<IOrganizationsApi>();

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => api.GetAsync(LiveOperations.Org));

        Assert.That(error!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(error.Path, Is.EqualTo("/api/0/organizations/acme/"));
        Assert.That(recorder.Violations, Is.Empty);
    }

    [Test]
    public async Task A_request_breaking_the_schema_is_rejected_with_its_violation()
    {
        // Proves the judge works: if Prism accepted anything, the operation cases above would prove nothing.
        // status only allows "active" or "inactive".
        var recorder = new TrafficRecorder();
        await using var services = BuildServices(recorder);
        var api = services.GetRequiredService<IProjectKeysApi>();

        var error = Assert.ThrowsAsync(Is.InstanceOf<SentryApiException>(), () => api.ListForOrganizationAsync(LiveOperations.Org, status: "bogus"));

        Assert.That((int)((SentryApiException)error!).StatusCode, Is.AnyOf(400, 422));
        Assert.That(recorder.ViolationText + ((SentryApiException)error).ResponseBody, Does.Contain("status"));
    }

    [Test]
    public async Task Bool_query_values_are_sent_lowercase_and_accepted_by_the_schema()
    {
        // Regression guard: Refit's default writes bool.ToString() ("True"), which Prism rejects and Sentry ignores.
        var recorder = new TrafficRecorder();
        await using var services = BuildServices(recorder, b => b.HttpClient.AddHttpMessageHandler(() => new QueryRecordingHandler(recorder)));
        var api = services.GetRequiredService<IOrganizationsApi>();

        using var response = await api.ListAsync(owner: true);

        Assert.That(recorder.Queries.Single(), Does.Contain("owner=true"));
        Assert.That(response.IsSuccessStatusCode, Is.True);
    }

    private static ServiceProvider BuildServices(TrafficRecorder recorder, Action<ISentryManagementBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddSentryManagement(o =>
        {
            o.BaseUrl = PrismSetUp.Server.BaseUrl;
            o.AllowInsecureTransport = true;
            o.AuthToken = Token;
            o.Organization = LiveOperations.Org;

            // A contract failure must surface at once, not after backoff; the schema has no 5xx examples to retry anyway.
            o.MaxRetries = 0;
        });

        // A new handler per chain: IHttpClientFactory rebuilds chains, and a handler instance can only be chained once.
        builder.HttpClient.AddHttpMessageHandler(() => new RecordingHandler(recorder));
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Top-level JSON property names of the request body that the operation's request body schema does not declare.</summary>
    private static List<string> UnknownBodyProperties(string operation, string? body)
    {
        if (string.IsNullOrEmpty(body) || !OpenApiSchema.Operations.TryGetValue(operation, out var schema)
            || schema.RequestBodySchema is not { } bodySchema || !bodySchema.TryGetProperty("properties", out var declared))
        {
            return [];
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : document.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !declared.TryGetProperty(n, out _)).ToList();
    }

    /// <summary>What went over the wire in one test: requests (with bodies) and Prism's <c>sl-violations</c> headers.</summary>
    internal sealed class TrafficRecorder
    {
        internal ConcurrentQueue<(string Method, string Path, string? Body)> Exchanges { get; } = new();

        internal ConcurrentQueue<string> Violations { get; } = new();

        internal ConcurrentQueue<string> Queries { get; } = new();

        internal string ViolationText => Violations.IsEmpty ? "(none)" : string.Join("\n", Violations);
    }

    /// <summary>Records each request and Prism's verdict on it; runs inside the library's pipeline, once per attempt.</summary>
    private sealed class RecordingHandler(TrafficRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            recorder.Exchanges.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, body));
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("sl-violations", out var violations))
            {
                foreach (var violation in violations)
                {
                    recorder.Violations.Enqueue(violation);
                }
            }

            return response;
        }
    }

    /// <summary>Records the raw query string as sent.</summary>
    private sealed class QueryRecordingHandler(TrafficRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder.Queries.Enqueue(request.RequestUri!.Query);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Sends the request without credentials, as a client without a token would.</summary>
    private sealed class StripAuthorizationHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = null;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Asks Prism for a given status with its <c>Prefer: code=</c> header.</summary>
    private sealed class PreferStatusHandler(int status) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"code={status}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
