using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Sentry.Management.Testing.Tests.Contract;

/// <summary>
/// Sits in the tests' HTTP client and runs every successful management response through <see cref="ResponseSchema"/>,
/// keeping the tally for this client and for the whole run (see <see cref="SchemaCheckReport"/>).
/// </summary>
internal sealed partial class SchemaCheckingHandler : DelegatingHandler
{
    /// <summary>
    /// Where the local Sentry answers as Sentry does and the schema says otherwise, each with its reason. Matching
    /// problems are tallied in <see cref="RunDeviations"/> and reported, not counted as violations.
    /// </summary>
    private static readonly (Regex Problem, string Reason)[] KnownDeviations =
    [
        (OwnersNull(), "issues[].owners: Sentry writes null for an issue without ownership rules (GroupSerializer, and a list only with expand=owners); the schema declares a required object"),
    ];

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

    /// <summary>Problems of the run that are <see cref="KnownDeviations"/>, with the reason.</summary>
    public static ConcurrentQueue<string> RunDeviations { get; } = new();

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
            if (KnownDeviations.FirstOrDefault(d => d.Problem.IsMatch(text)) is { Reason: { } reason })
            {
                RunDeviations.Enqueue($"{text} ({reason})");
                continue;
            }

            Violations.Enqueue(text);
            RunViolations.Enqueue(text);
        }

        return response;
    }

    [GeneratedRegex(@"^GET /api/0/(organizations/[^ ]+/issues/|projects/[^ ]+/issues/|organizations/[^ ]+/shortids/[^ ]+) -> 200: (/\d+|/group)?/owners \(type\): Value is ""null"" but should be ""object""$")]
    private static partial Regex OwnersNull();
}
