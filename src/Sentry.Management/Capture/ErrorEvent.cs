namespace Sentry.Management;

/// <summary>
/// The data of one error or message event: what the caller adds to a capture, and what
/// <see cref="SentryCaptureOptions.BeforeSend"/> sees and may change.
/// </summary>
/// <remarks>
/// After it is handed to the client the event belongs to the sender: do not change it from the calling
/// thread any more. The scope's tags, extras, user, contexts and breadcrumbs are merged in on the sender;
/// values set here win over the scope's.
/// </remarks>
public sealed class ErrorEvent
{
    private Dictionary<string, string>? _tags;
    private Dictionary<string, object?>? _extra;
    private Dictionary<string, IReadOnlyDictionary<string, object?>>? _contexts;

    /// <summary>Creates an empty event.</summary>
    public ErrorEvent()
    {
    }

    /// <summary>The event id (a GUID; Sentry shows it without dashes), set when the event is captured.</summary>
    public Guid EventId { get; internal set; }

    /// <summary>When the event was captured.</summary>
    public DateTimeOffset Timestamp { get; internal set; }

    /// <summary>The exception this event reports (with its inner exceptions), or <see langword="null"/> for a message event.</summary>
    public Exception? Exception { get; set; }

    /// <summary>The message; for exception events an optional note shown above the exception.</summary>
    public string? Message { get; set; }

    /// <summary>The severity; exceptions default to <see cref="EventLevel.Error"/>.</summary>
    public EventLevel Level { get; set; } = EventLevel.Error;

    /// <summary>The logger or component that produced the event.</summary>
    public string? Logger { get; set; }

    /// <summary>The transaction (route, job name) the event belongs to, used for grouping in the UI.</summary>
    public string? TransactionName { get; set; }

    /// <summary>The span (or transaction) the event happened in: links the event to that trace in Sentry.</summary>
    public TraceSpan? Span { get; set; }

    /// <summary>The user; overrides the scope's.</summary>
    public CaptureUser? User { get; set; }

    /// <summary>
    /// Grouping fingerprint; <c>{{ default }}</c> stands for Sentry's own grouping, so
    /// <c>["{{ default }}", "tenant-a"]</c> splits the default group by tenant.
    /// </summary>
    public IList<string>? Fingerprint { get; set; }

    /// <summary>Searchable tags (values are cut to 200 characters, Sentry's limit).</summary>
    public IDictionary<string, string> Tags => _tags ??= new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Arbitrary extra data: strings, numbers, booleans, dictionaries and lists are kept as JSON; other objects as their <c>ToString()</c>.</summary>
    public IDictionary<string, object?> Extra => _extra ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Structured contexts keyed by name (for example <c>app</c>, <c>device</c> or your own).</summary>
    public IDictionary<string, IReadOnlyDictionary<string, object?>> Contexts => _contexts ??= new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);

    internal bool HasTags => _tags is { Count: > 0 };

    internal bool HasExtra => _extra is { Count: > 0 };

    internal bool HasContexts => _contexts is { Count: > 0 };

    /// <summary>Set for an unhandled exception: the mechanism type, sent with <c>handled: false</c>.</summary>
    internal string? UnhandledMechanism { get; set; }
}
