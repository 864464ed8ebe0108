using System.Text.Json.Serialization;
using System.Text.Json;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>The data of an event's <c>exception</c> entry.</summary>
public sealed class EventException : SentryModel
{
    /// <summary>The exceptions, innermost cause first (as SDKs send them).</summary>
    public IReadOnlyList<ExceptionValue>? Values { get; set; }

    /// <summary>Whether any frame is outside the application.</summary>
    public bool? HasSystemFrames { get; set; }

    /// <summary>How many exceptions were left out.</summary>
    public int? ExcOmitted { get; set; }
}

/// <summary>One exception of an event.</summary>
public sealed class ExceptionValue : SentryModel
{
    /// <summary>The exception type, such as <c>System.InvalidOperationException</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The message.</summary>
    public string? Value { get; set; }

    /// <summary>The module or namespace.</summary>
    public string? Module { get; set; }

    /// <summary>The thread it was thrown on.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ThreadId { get; set; }

    /// <summary>How it was captured (handled or not).</summary>
    public ExceptionMechanism? Mechanism { get; set; }

    /// <summary>The stack trace after source maps and symbols were applied.</summary>
    public EventStacktrace? Stacktrace { get; set; }

    /// <summary>The stack trace as the SDK sent it.</summary>
    public EventStacktrace? RawStacktrace { get; set; }
}

/// <summary>How an exception was captured.</summary>
public sealed class ExceptionMechanism : SentryModel
{
    /// <summary>The mechanism, such as <c>generic</c> or <c>AppDomain.UnhandledException</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Whether the application handled it.</summary>
    public bool? Handled { get; set; }

    /// <summary>A description.</summary>
    public string? Description { get; set; }
}

/// <summary>A stack trace.</summary>
public sealed class EventStacktrace : SentryModel
{
    /// <summary>The frames, outermost first (the crashing frame is last).</summary>
    public IReadOnlyList<EventStackFrame>? Frames { get; set; }

    /// <summary>Whether any frame is outside the application.</summary>
    public bool? HasSystemFrames { get; set; }

    /// <summary>The range of frames left out, if any.</summary>
    public JsonElement? FramesOmitted { get; set; }

    /// <summary>CPU registers (native crashes).</summary>
    public JsonElement? Registers { get; set; }
}

/// <summary>A stack frame.</summary>
public sealed class EventStackFrame : SentryModel
{
    /// <summary>The function.</summary>
    public string? Function { get; set; }

    /// <summary>The module.</summary>
    public string? Module { get; set; }

    /// <summary>The package (native frames).</summary>
    public string? Package { get; set; }

    /// <summary>The file, relative.</summary>
    public string? Filename { get; set; }

    /// <summary>The file, absolute.</summary>
    public string? AbsPath { get; set; }

    /// <summary>The line number.</summary>
    public int? LineNo { get; set; }

    /// <summary>The column number.</summary>
    public int? ColNo { get; set; }

    /// <summary>Whether the frame is application code.</summary>
    public bool? InApp { get; set; }

    /// <summary>The platform of the frame.</summary>
    public string? Platform { get; set; }

    /// <summary>Source lines around the frame, each <c>[lineNo, text]</c>.</summary>
    public IReadOnlyList<JsonElement>? Context { get; set; }

    /// <summary>Local variables, when the SDK sent them.</summary>
    public JsonElement? Vars { get; set; }

    /// <summary>The instruction address (native frames).</summary>
    public string? InstructionAddr { get; set; }

    /// <summary>The symbol address (native frames).</summary>
    public string? SymbolAddr { get; set; }

    /// <summary>The symbol (native frames).</summary>
    public string? Symbol { get; set; }

    /// <summary>How the frame was found (native frames).</summary>
    public string? Trust { get; set; }
}

/// <summary>The data of an event's <c>breadcrumbs</c> entry.</summary>
public sealed class EventBreadcrumbs : SentryModel
{
    /// <summary>The breadcrumbs, oldest first.</summary>
    public IReadOnlyList<EventBreadcrumb>? Values { get; set; }
}

/// <summary>Something that happened before the event: a log line, an HTTP call, a navigation, a click.</summary>
public sealed class EventBreadcrumb : SentryModel
{
    /// <summary>The kind, such as <c>default</c>, <c>http</c> or <c>navigation</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The category, such as <c>xhr</c> or <c>console</c>.</summary>
    public string? Category { get; set; }

    /// <summary>The level, such as <c>info</c>.</summary>
    public string? Level { get; set; }

    /// <summary>The message.</summary>
    public string? Message { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Kind-specific data (URL and status of an HTTP call, …).</summary>
    public JsonElement? Data { get; set; }

    /// <summary>The event the breadcrumb refers to, if any.</summary>
    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }
}

/// <summary>A hash (fingerprint) an issue groups, with its latest event.</summary>
public sealed class IssueHash : SentryModel
{
    /// <summary>The hash.</summary>
    public string? Id { get; set; }

    /// <summary>The latest event with this hash.</summary>
    public Event? LatestEvent { get; set; }
}

/// <summary>The answer to an event-id lookup: the event and where it lives.</summary>
public sealed class EventIdLookup : SentryModel
{
    /// <summary>The event.</summary>
    public Event? Event { get; set; }

    /// <summary>The event's id.</summary>
    public string? EventId { get; set; }

    /// <summary>The issue the event belongs to.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? GroupId { get; set; }

    /// <summary>The organization's slug.</summary>
    public string? OrganizationSlug { get; set; }

    /// <summary>The project's slug.</summary>
    public string? ProjectSlug { get; set; }
}
