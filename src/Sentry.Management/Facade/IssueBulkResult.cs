namespace Sentry.Management;

/// <summary>
/// The outcome of a bulk change split into requests of at most <see cref="IssuesClient.MaxIdsPerBulkRequest"/> ids:
/// one entry per request, so a failed chunk does not hide the ones that succeeded.
/// </summary>
public sealed class IssueBulkResult
{
    /// <summary>Creates the result from its chunks.</summary>
    /// <param name="chunks">The chunks, in the order they were sent.</param>
    public IssueBulkResult(IReadOnlyList<IssueBulkChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        Chunks = chunks;
    }

    /// <summary>Every chunk, in the order sent.</summary>
    public IReadOnlyList<IssueBulkChunk> Chunks { get; }

    /// <summary>Whether every chunk succeeded.</summary>
    public bool Succeeded => Chunks.All(c => c.Succeeded);

    /// <summary>The ids of the chunks Sentry accepted.</summary>
    public IReadOnlyList<string> SucceededIds => [.. Chunks.Where(c => c.Succeeded).SelectMany(c => c.Ids)];

    /// <summary>The ids of the chunks that failed (retry them, or inspect <see cref="IssueBulkChunk.Error"/>).</summary>
    public IReadOnlyList<string> FailedIds => [.. Chunks.Where(c => !c.Succeeded).SelectMany(c => c.Ids)];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Chunks.Count} request(s): {SucceededIds.Count} id(s) succeeded, {FailedIds.Count} failed";
}

/// <summary>One request of a bulk change: its ids and how it went.</summary>
public sealed class IssueBulkChunk
{
    /// <summary>Creates a chunk result.</summary>
    /// <param name="ids">The issue ids sent in this request.</param>
    /// <param name="response">What Sentry answered (bulk updates with a body), if anything.</param>
    /// <param name="error">Why the request failed; <see langword="null"/> when it succeeded.</param>
    public IssueBulkChunk(IReadOnlyList<string> ids, IssueBulkUpdateResult? response, SentryApiException? error)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Ids = ids;
        Response = response;
        Error = error;
    }

    /// <summary>The issue ids sent in this request.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Sentry's answer to an update (the changes applied); <see langword="null"/> for deletes, 204 answers and failures.</summary>
    public IssueBulkUpdateResult? Response { get; }

    /// <summary>The error Sentry answered with; <see langword="null"/> when the chunk succeeded.</summary>
    public SentryApiException? Error { get; }

    /// <summary>Whether Sentry accepted this request.</summary>
    public bool Succeeded => Error is null;
}
