namespace Sentry.Management;

/// <summary>What kind of event a <see cref="SentryFilterRule"/> looks at.</summary>
public enum SentryFilterTarget
{
    /// <summary>Every error, message and transaction event.</summary>
    Any,

    /// <summary>Events that carry an exception.</summary>
    Exception,

    /// <summary>Message events (no exception).</summary>
    Message,

    /// <summary>Transactions.</summary>
    Transaction,
}

/// <summary>What a matching <see cref="SentryFilterRule"/> does.</summary>
public enum SentryFilterAction
{
    /// <summary>Drop the event (reported as <c>event_processor</c>).</summary>
    Ignore,

    /// <summary>Keep only <see cref="SentryFilterRule.SampleRate"/> of the matching events (the rest are reported as <c>sample_rate</c>).</summary>
    Sample,
}

/// <summary>
/// A declarative filter, typically bound from configuration, for example
/// <c>{"type":"exception","pattern":"Network timeout","action":"ignore"}</c>.
/// </summary>
/// <remarks>
/// Every condition that is set must match. <see cref="Pattern"/> is matched against the message and,
/// for exceptions, against every exception message and type name in the chain; for transactions against the name.
/// </remarks>
public sealed class SentryFilterRule
{
    /// <summary>Which events the rule looks at; <see cref="SentryFilterTarget.Any"/> by default.</summary>
    public SentryFilterTarget Type { get; set; }

    /// <summary>A substring (case-insensitive) or, with <see cref="IsRegex"/>, a regular expression.</summary>
    public string? Pattern { get; set; }

    /// <summary>Treat <see cref="Pattern"/> as a .NET regular expression (case-insensitive, with a match timeout).</summary>
    public bool IsRegex { get; set; }

    /// <summary>An exception type name (<c>TimeoutException</c>) or full name that some exception in the chain must have.</summary>
    public string? ExceptionType { get; set; }

    /// <summary>A tag name that must be present (on the event or its scope).</summary>
    public string? Tag { get; set; }

    /// <summary>The value the tag named by <see cref="Tag"/> must have; any value when unset.</summary>
    public string? TagValue { get; set; }

    /// <summary>What to do with a matching event.</summary>
    public SentryFilterAction Action { get; set; }

    /// <summary>For <see cref="SentryFilterAction.Sample"/>: the share of matching events kept, from 0 to 1.</summary>
    public double SampleRate { get; set; } = 1.0;
}
