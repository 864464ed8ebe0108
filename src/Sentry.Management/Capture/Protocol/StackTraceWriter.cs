using System.Diagnostics;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Writes an exception's stack trace as Sentry frames, oldest call first. Runs on the sender: the
/// exception already holds its trace, so the calling thread never pays for reading it.
/// </summary>
internal static class StackTraceWriter
{
    public static void Write(Utf8JsonWriter writer, PayloadContext context, Exception exception)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        if (frames.Length == 0)
        {
            return;
        }

        writer.WriteStartObject("stacktrace");
        writer.WriteStartArray("frames");
        for (var i = frames.Length - 1; i >= 0; i--)
        {
            WriteFrame(writer, context, frames[i]);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFrame(Utf8JsonWriter writer, PayloadContext context, StackFrame frame)
    {
        // DiagnosticMethodInfo is the trimming- and AOT-safe way to name a frame's method.
        var method = DiagnosticMethodInfo.Create(frame);
        var function = method?.Name;
        var module = method?.DeclaringTypeName;
        (function, module) = UnwrapStateMachine(function, module);

        writer.WriteStartObject();
        if (function is not null)
        {
            writer.WriteString("function", function);
        }

        if (module is not null)
        {
            writer.WriteString("module", module);
        }

        if (frame.GetFileName() is { Length: > 0 } file)
        {
            writer.WriteString("filename", Path.GetFileName(file));
            writer.WriteString("abs_path", file);
        }

        var line = frame.GetFileLineNumber();
        if (line > 0)
        {
            writer.WriteNumber("lineno", line);
            var column = frame.GetFileColumnNumber();
            if (column > 0)
            {
                writer.WriteNumber("colno", column);
            }
        }

        writer.WriteBoolean("in_app", context.InApp.IsInApp(module));
        writer.WriteEndObject();
    }

    // Async and iterator methods show as Outer+<Method>d__N.MoveNext; Sentry users want Outer.Method.
    private static (string? Function, string? Module) UnwrapStateMachine(string? function, string? module)
    {
        if (module is null || function is not "MoveNext")
        {
            return (function, module);
        }

        var open = module.LastIndexOf("+<", StringComparison.Ordinal);
        if (open < 0)
        {
            return (function, module);
        }

        // Names nest (top-level statements compile to <<Main>$>d__0), so find the matching '>'.
        var depth = 0;
        for (var i = open + 1; i < module.Length; i++)
        {
            depth += module[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                return i > open + 2 ? (module[(open + 2)..i], module[..open]) : (function, module);
            }
        }

        return (function, module);
    }
}
