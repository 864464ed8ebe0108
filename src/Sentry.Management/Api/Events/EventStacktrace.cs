using System.Text.Json;

namespace Sentry.Management;

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
