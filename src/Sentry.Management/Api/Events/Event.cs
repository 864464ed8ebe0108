using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>
/// An event as Sentry stores it. Listings carry a summary; the detail answer adds <see cref="Entries"/> (exception,
/// breadcrumbs, request, message), read them with <see cref="GetException"/> and <see cref="GetBreadcrumbs"/>.
/// </summary>
public sealed class Event : SentryModel
{
    /// <summary>Sentry's id of the stored event.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The event id the SDK reported (32 hex digits).</summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary>The issue the event belongs to.</summary>
    [JsonPropertyName("groupID")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? GroupId { get; set; }

    /// <summary>The project the event belongs to.</summary>
    [JsonPropertyName("projectID")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ProjectId { get; set; }

    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The message, if any.</summary>
    public string? Message { get; set; }

    /// <summary>The platform, such as <c>python</c>.</summary>
    public string? Platform { get; set; }

    /// <summary>The event type, such as <c>error</c> or <c>default</c> (detail answer).</summary>
    public string? Type { get; set; }

    /// <summary>The event type on listings, where Sentry names the field <c>event.type</c>.</summary>
    [JsonPropertyName("event.type")]
    public string? EventType { get; set; }

    /// <summary>Where it happened (function or transaction).</summary>
    public string? Culprit { get; set; }

    /// <summary>The file and line, such as <c>example.py:42</c>.</summary>
    public string? Location { get; set; }

    /// <summary>When the event happened.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When Sentry received it.</summary>
    public DateTimeOffset? DateReceived { get; set; }

    /// <summary>The distribution of the release.</summary>
    public string? Dist { get; set; }

    /// <summary>The size of the stored event, in bytes.</summary>
    public long? Size { get; set; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<EventTag>? Tags { get; set; }

    /// <summary>The user the event happened to.</summary>
    public EventUser? User { get; set; }

    /// <summary>Contexts by name (<c>browser</c>, <c>os</c>, <c>runtime</c>, <c>trace</c>…), each an object of its own shape.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Contexts { get; set; }

    /// <summary>Extra data the SDK attached (Sentry's <c>context</c> field).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Context { get; set; }

    /// <summary>Title, exception type and value Sentry derived.</summary>
    public IssueMetadata? Metadata { get; set; }

    /// <summary>The interfaces of the event: <c>exception</c>, <c>breadcrumbs</c>, <c>request</c>, <c>message</c>… (detail answer).</summary>
    public IReadOnlyList<EventEntry>? Entries { get; set; }

    /// <summary>Processing errors, such as a missing source map.</summary>
    public IReadOnlyList<EventError>? Errors { get; set; }

    /// <summary>The grouping fingerprints.</summary>
    public IReadOnlyList<string>? Fingerprints { get; set; }

    /// <summary>The SDK that sent it.</summary>
    public EventSdk? Sdk { get; set; }

    /// <summary>The release, as Sentry embeds it.</summary>
    public JsonElement? Release { get; set; }

    /// <summary>The next event of the same issue.</summary>
    [JsonPropertyName("nextEventID")]
    public string? NextEventId { get; set; }

    /// <summary>The previous event of the same issue.</summary>
    [JsonPropertyName("previousEventID")]
    public string? PreviousEventId { get; set; }

    /// <summary>The first entry of the given type, or <see langword="null"/>.</summary>
    /// <param name="type">The entry type, such as <see cref="EventEntryType.Exception"/>.</param>
    /// <returns>The entry.</returns>
    public EventEntry? FindEntry(EventEntryType type) => Entries?.FirstOrDefault(e => e.Type == type);

    /// <summary>Reads the <c>exception</c> entry: the exceptions with their mechanism and stack frames.</summary>
    /// <returns>The exception data, or <see langword="null"/> when the event has none (or is a summary).</returns>
    public EventException? GetException() =>
        FindEntry(EventEntryType.Exception)?.Data is { ValueKind: JsonValueKind.Object } data
            ? data.Deserialize(EventsJsonContext.Default.EventException)
            : null;

    /// <summary>Reads the <c>breadcrumbs</c> entry.</summary>
    /// <returns>The breadcrumbs, oldest first; empty when the event has none.</returns>
    public IReadOnlyList<EventBreadcrumb> GetBreadcrumbs() =>
        FindEntry(EventEntryType.Breadcrumbs)?.Data is { ValueKind: JsonValueKind.Object } data
            ? data.Deserialize(EventsJsonContext.Default.EventBreadcrumbs)?.Values ?? []
            : [];

    /// <inheritdoc />
    public override string ToString() => $"Event {EventId ?? Id} ({Title})";
}

/// <summary>The kind of an event entry. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The type as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<EventEntryType>))]
public readonly record struct EventEntryType(string Value) : ISentryEnum<EventEntryType>
{
    /// <summary>Exceptions with stack traces.</summary>
    public static EventEntryType Exception { get; } = new("exception");

    /// <summary>Breadcrumbs.</summary>
    public static EventEntryType Breadcrumbs { get; } = new("breadcrumbs");

    /// <summary>The HTTP request.</summary>
    public static EventEntryType Request { get; } = new("request");

    /// <summary>The log message.</summary>
    public static EventEntryType Message { get; } = new("message");

    /// <summary>A stack trace without an exception.</summary>
    public static EventEntryType Stacktrace { get; } = new("stacktrace");

    /// <summary>Threads.</summary>
    public static EventEntryType Threads { get; } = new("threads");

    /// <summary>Spans (transactions).</summary>
    public static EventEntryType Spans { get; } = new("spans");

    /// <inheritdoc />
    public static EventEntryType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>One interface of an event: a type and its data, whose shape depends on the type.</summary>
public sealed class EventEntry : SentryModel
{
    /// <summary>The type, such as <c>exception</c>.</summary>
    public EventEntryType? Type { get; set; }

    /// <summary>The data, as Sentry sent it.</summary>
    public JsonElement? Data { get; set; }
}

/// <summary>A tag of an event.</summary>
public sealed class EventTag : SentryModel
{
    /// <summary>The key, such as <c>browser</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The value.</summary>
    public string? Value { get; set; }
}

/// <summary>The user an event happened to.</summary>
public sealed class EventUser : SentryModel
{
    /// <summary>The application's user id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>The username.</summary>
    public string? Username { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The IP address.</summary>
    [JsonPropertyName("ip_address")]
    public string? IpAddress { get; set; }

    /// <summary>Other data the SDK attached.</summary>
    public JsonElement? Data { get; set; }
}

/// <summary>A processing error of an event.</summary>
public sealed class EventError : SentryModel
{
    /// <summary>The kind, such as <c>js_invalid_sourcemap_location</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The explanation.</summary>
    public string? Message { get; set; }

    /// <summary>Kind-specific data.</summary>
    public JsonElement? Data { get; set; }
}

/// <summary>The SDK that sent an event.</summary>
public sealed class EventSdk : SentryModel
{
    /// <summary>The SDK's name, such as <c>sentry.dotnet</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The SDK's version.</summary>
    public string? Version { get; set; }
}
