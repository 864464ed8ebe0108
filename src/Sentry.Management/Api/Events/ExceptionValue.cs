using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

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
