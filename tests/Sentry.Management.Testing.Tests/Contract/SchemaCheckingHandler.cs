using System.Collections.Concurrent;

namespace Sentry.Management.Testing.Tests.Contract;

/// <summary>
/// Sits in the tests' HTTP client and runs every successful management response through <see cref="ResponseSchema"/>,
/// keeping the tally for this client and for the whole run (see <see cref="SchemaCheckReport"/>).
/// </summary>
internal sealed class SchemaCheckingHandler : DelegatingHandler
{
    /// <summary>For a client pipeline that chains the handler itself (IHttpClientFactory).</summary>
    public SchemaCheckingHandler()
    {
    }

    public SchemaCheckingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Every response of the run that the schema judged, and the problems it found.</summary>
    public static ConcurrentQueue<string> RunValidated { get; } = new();

    public static ConcurrentQueue<string> RunViolations { get; } = new();

    public ConcurrentQueue<string> Validated { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var status = (int)response.StatusCode;
        if (!path.StartsWith("/api/0/", StringComparison.Ordinal) || status is < 200 or > 299 || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return response;
        }

        var operation = ResponseSchema.Operation(request.Method.Method, path);
        if (operation is null)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = ResponseSchema.Validate(operation, status, body);
        if (problems is null)
        {
            return response;
        }

        var label = $"{operation} -> {status}";
        Validated.Enqueue(label);
        RunValidated.Enqueue(label);
        foreach (var problem in problems)
        {
            var text = $"{label}: {problem}";
            Violations.Enqueue(text);
            RunViolations.Enqueue(text);
        }

        return response;
    }
}
