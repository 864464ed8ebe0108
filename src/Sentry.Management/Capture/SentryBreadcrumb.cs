namespace Sentry.Management;

/// <summary>A trail entry recorded before an event, shown in the event's breadcrumbs.</summary>
public sealed class SentryBreadcrumb
{
    /// <summary>Creates a breadcrumb.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="category">A dotted category such as <c>http</c> or <c>ui.click</c>.</param>
    /// <param name="level">The breadcrumb's severity.</param>
    public SentryBreadcrumb(string? message, string? category = null, EventLevel level = EventLevel.Info)
    {
        Message = message;
        Category = category;
        Level = level;
    }

    /// <summary>What happened.</summary>
    public string? Message { get; init; }

    /// <summary>A dotted category such as <c>http</c> or <c>navigation</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The breadcrumb type Sentry uses to render it (<c>default</c>, <c>http</c>, <c>navigation</c>...).</summary>
    public string? Type { get; init; }

    /// <summary>The breadcrumb's severity.</summary>
    public EventLevel Level { get; init; }

    /// <summary>When it happened; the client fills it from its <see cref="TimeProvider"/> when left unset.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Extra key/value data; keys that look secret are scrubbed. Read when the breadcrumb is first sent, so do not change the dictionary after recording it.</summary>
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    /// <summary>The breadcrumb as last encoded for an event (it goes out unchanged with every event until it falls off the scope).</summary>
    internal Capture.Protocol.EncodedBreadcrumb? Encoded { get; set; }
}
