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
