namespace Sentry.Management;

/// <summary>Which issues a triage touches and what it does to them.</summary>
public sealed class IssueTriageRequest
{
    /// <summary>Sentry search syntax, such as <c>is:unresolved level:error</c> (required: a triage never falls back to Sentry's default query).</summary>
    public required string Query { get; init; }

    /// <summary>What to do to each issue.</summary>
    public required IssueChange Change { get; init; }

    /// <summary>Only issues of this project (slug or numeric id).</summary>
    public string? Project { get; init; }

    /// <summary>Only issues seen in this environment.</summary>
    public string? Environment { get; init; }

    /// <summary>Only issues seen in this period, such as <c>24h</c> or <c>14d</c>.</summary>
    public string? Period { get; init; }

    /// <summary>The most issues to touch (default 50).</summary>
    public int Limit { get; init; } = 50;
}
