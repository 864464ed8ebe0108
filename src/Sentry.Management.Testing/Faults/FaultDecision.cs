namespace Sentry.Management.Testing;

/// <summary>What the fault switches decided for one request.</summary>
internal sealed record FaultDecision(FaultKind Kind, int StatusCode, TimeSpan RetryAfter, IReadOnlyList<string> Categories)
{
    public static readonly FaultDecision None = new(FaultKind.None, 0, TimeSpan.Zero, []);

    public static readonly FaultDecision Drop = new(FaultKind.Drop, 0, TimeSpan.Zero, []);

    public static FaultDecision RateLimited(TimeSpan retryAfter, IReadOnlyList<string> categories) => new(FaultKind.RateLimit, 429, retryAfter, categories);

    public static FaultDecision Fail(int statusCode) => new(FaultKind.ServerError, statusCode, TimeSpan.Zero, []);
}

/// <summary>The kinds of fault a request can meet.</summary>
internal enum FaultKind
{
    None,
    Drop,
    RateLimit,
    ServerError,
}
