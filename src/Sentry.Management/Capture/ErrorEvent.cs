using Sentry.Management.Capture;
using Sentry.Management.Capture.Transport;

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
public sealed class ErrorEvent : ICaptureWork
{
    // Built on the caller's thread for every capture, so it is kept small: tags and extras share one object with
    // inline slots, the exception and the message share one field, the fields most captures leave empty live in a side
    // object made on first use, and the event is itself the queue's entry (with the scope it was captured with) rather
    // than wrapped in one.
    private EventFields? _fields;
    private Detail? _details;
    private object? _subject; // The exception, the message, or (rarely: an exception with a note) both in a Noted.
    private long _timestampTicks;

    /// <summary>Creates an empty event.</summary>
    public ErrorEvent()
    {
    }

    /// <summary>The event id (a GUID; Sentry shows it without dashes), set when the event is captured.</summary>
    public Guid EventId { get; internal set; }

    /// <summary>When the event was captured.</summary>
    public DateTimeOffset Timestamp
    {
        get => new(_timestampTicks, TimeSpan.Zero);
        internal set => _timestampTicks = value.UtcTicks;
    }

    /// <summary>The exception this event reports (with its inner exceptions), or <see langword="null"/> for a message event.</summary>
    public Exception? Exception
    {
        get => _subject as Exception ?? (_subject as Noted)?.Exception;
        set => _subject = Subject(value, Message);
    }

    /// <summary>The message; for exception events an optional note shown above the exception.</summary>
    public string? Message
    {
        get => _subject as string ?? (_subject as Noted)?.Message;
        set => _subject = Subject(Exception, value);
    }

    /// <summary>The severity; exceptions default to <see cref="EventLevel.Error"/>.</summary>
    public EventLevel Level { get; set; } = EventLevel.Error;

    /// <summary>The logger or component that produced the event.</summary>
    public string? Logger
    {
        get => _details?.Logger;
        set => Details(value)?.Logger = value;
    }

    /// <summary>The transaction (route, job name) the event belongs to, used for grouping in the UI.</summary>
    public string? TransactionName
    {
        get => _details?.TransactionName;
        set => Details(value)?.TransactionName = value;
    }

    /// <summary>The span (or transaction) the event happened in: links the event to that trace in Sentry.</summary>
    public TraceSpan? Span
    {
        get => _details?.Span;
        set => Details(value)?.Span = value;
    }

    /// <summary>The user; overrides the scope's.</summary>
    public CaptureUser? User { get; set; }

    /// <summary>
    /// Grouping fingerprint; <c>{{ default }}</c> stands for Sentry's own grouping, so
    /// <c>["{{ default }}", "tenant-a"]</c> splits the default group by tenant.
    /// </summary>
    public IList<string>? Fingerprint { get; set; }

    /// <summary>Searchable tags (values are cut to 200 characters, Sentry's limit).</summary>
    public IDictionary<string, string> Tags => Fields;

    /// <summary>Arbitrary extra data: strings, numbers, booleans, dictionaries and lists are kept as JSON; other objects as their <c>ToString()</c>.</summary>
    public IDictionary<string, object?> Extra => Fields.ExtraDictionary;

    /// <summary>Structured contexts keyed by name (for example <c>app</c>, <c>device</c> or your own).</summary>
    public IDictionary<string, IReadOnlyDictionary<string, object?>> Contexts =>
        (_details ??= new Detail()).Contexts ??= new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);

    /// <summary>The scope as it was when the event was captured; set by the client as it queues the event.</summary>
    internal ScopeState? CapturedScope { get; set; }

    string ICaptureWork.Category => SentryDataCategory.Error;

    /// <summary>Sets an extra without making the <see cref="Extra"/> dictionary view (the fluent chain's path).</summary>
    internal void SetExtra(string key, object? value) => Fields.SetExtra(key, value);

    /// <summary>The tags and extras, or <see langword="null"/> when neither was ever touched.</summary>
    internal EventFields? FieldsOrNull => _fields;

    internal bool HasTags => _fields is { TagCount: > 0 };

    internal bool HasExtra => _fields is { ExtraCount: > 0 };

    internal bool HasContexts => _details?.Contexts is { Count: > 0 };

    /// <summary>Set for an unhandled exception: the mechanism type, sent with <c>handled: false</c>.</summary>
    internal string? UnhandledMechanism
    {
        get => _details?.UnhandledMechanism;
        set => Details(value)?.UnhandledMechanism = value;
    }

    private EventFields Fields => _fields ??= new EventFields();

    // An event is an exception or a message far more often than both, so the two share one field.
    private static object? Subject(Exception? exception, string? message) =>
        exception is null ? message : message is null ? exception : new Noted(exception, message);

    // Clearing a field of an event that has no details makes none.
    private Detail? Details(object? value) => value is null ? _details : _details ??= new Detail();

    private sealed record Noted(Exception Exception, string Message);

    private sealed class Detail
    {
        public string? Logger;
        public string? TransactionName;
        public TraceSpan? Span;
        public string? UnhandledMechanism;
        public Dictionary<string, IReadOnlyDictionary<string, object?>>? Contexts;
    }
}
