using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Writes an exception's stack trace as Sentry frames, oldest call first. Runs on the sender: the
/// exception already holds its trace, so the calling thread never pays for reading it.
/// </summary>
/// <remarks>
/// Reading file and line numbers from the PDBs is most of the cost of a stack trace, and applications throw from
/// the same places again and again: each frame, once written, is kept (as its whole JSON object) per method and IL
/// offset in the <see cref="PayloadContext"/>'s <see cref="FrameCache"/>. A trace whose frames are all known is
/// walked without file information; any unknown frame makes it read the trace with file information, as before.
/// </remarks>
internal static class StackTraceWriter
{

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, PayloadContext context, Exception exception)
    {
        var cache = context.Frames;
        var frames = new StackTrace(exception, fNeedFileInfo: false).GetFrames();
        if (frames.Length == 0)
        {
            return;
        }

        // Rented: most traces are all known, and this array is the only thing left to allocate for them.
        var known = frames.Length <= 256 ? ArrayPool<FrameInfo?>.Shared.Rent(frames.Length) : null;
        var complete = known is not null;
        for (var i = 0; complete && i < frames.Length; i++)
        {
            known![i] = cache.TryGet(frames[i]);
            complete = known[i] is not null;
        }

        if (!complete)
        {
            // Something new (or too deep to bother): read the trace with file information and remember its frames.
            if (known is not null)
            {
                ArrayPool<FrameInfo?>.Shared.Return(known, clearArray: true);
            }

            frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
            known = new FrameInfo?[frames.Length];
            for (var i = 0; i < frames.Length; i++)
            {
                known[i] = Describe(context, frames[i]);
                cache.TryAdd(frames[i], known[i]!);
            }
        }

        writer.WriteStartObject(JsonNames.StackTrace);
        writer.WriteStartArray(JsonNames.Frames);
        for (var i = frames.Length - 1; i >= 0; i--)
        {
            JsonFragment.Write(writer, known![i]!.Json);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (complete)
        {
            ArrayPool<FrameInfo?>.Shared.Return(known!, clearArray: true);
        }
    }

    private static FrameInfo Describe(PayloadContext context, StackFrame frame)
    {
        // DiagnosticMethodInfo is the trimming- and AOT-safe way to name a frame's method.
        var method = DiagnosticMethodInfo.Create(frame);
        var function = method?.Name;
        var module = method?.DeclaringTypeName;
        (function, module) = UnwrapStateMachine(function, module);
        var file = frame.GetFileName() is { Length: > 0 } path ? path : null;
        var line = frame.GetFileLineNumber();
        var column = line > 0 ? frame.GetFileColumnNumber() : 0;
        var described = new FrameDescription(function, module, file, line, column, context.InApp.IsInApp(module));
        return new FrameInfo(JsonFragment.Encode(described, WriteFrame));
    }

    private static void WriteFrame(Utf8JsonWriter writer, FrameDescription frame)
    {
        writer.WriteStartObject();
        if (frame.Function is { } function)
        {
            writer.WriteString(JsonNames.Function, function);
        }

        if (frame.Module is { } module)
        {
            writer.WriteString(JsonNames.Module, module);
        }

        if (frame.File is { } file)
        {
            writer.WriteString(JsonNames.FileName, Path.GetFileName(file));
            writer.WriteString(JsonNames.AbsPath, file);
        }

        if (frame.Line > 0)
        {
            writer.WriteNumber(JsonNames.LineNo, frame.Line);
            if (frame.Column > 0)
            {
                writer.WriteNumber(JsonNames.ColNo, frame.Column);
            }
        }

        // Sentry reads a missing in_app as not the application's code, so only true is written.
        if (frame.InApp)
        {
            writer.WriteBoolean(JsonNames.InApp, true);
        }

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

/// <summary>One stack frame as written: its whole JSON object, encoded once.</summary>
internal sealed record FrameInfo(byte[] Json);

/// <summary>What a frame's JSON is written from.</summary>
internal readonly record struct FrameDescription(string? Function, string? Module, string? File, int Line, int Column, bool InApp);

/// <summary>
/// Frames already written, by method and IL offset (which decide the function, module, file, line and in-app
/// flag). Bounded: once full, new frames are simply not remembered. Methods of collectible (unloadable)
/// assemblies are never kept, so the cache holds no plugin alive.
/// </summary>
/// <remarks>
/// Keyed by the method alone, with the few IL offsets a method throws from in a small array of its own: a dictionary
/// keyed by a value tuple is generic code over a struct, which the framework does not precompile, so it ran as
/// unoptimized code for every frame of every event until tiered compilation caught up (docs/benchmarks.md).
/// </remarks>
internal sealed class FrameCache
{
    public const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<MethodBase, MethodFrames> _frames = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FrameInfo? TryGet(StackFrame frame) =>
        Method(frame) is { } method && _frames.TryGetValue(method, out var known) ? known.Find(frame.GetILOffset()) : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TryAdd(StackFrame frame, FrameInfo info)
    {
        if (Volatile.Read(ref _count) >= MaxEntries || Method(frame) is not { } method)
        {
            return;
        }

        if (_frames.GetOrAdd(method, static _ => new MethodFrames()).TryAdd(frame.GetILOffset(), info))
        {
            Interlocked.Increment(ref _count);
        }
    }

    // The method is only a cache key: where trimming or Native AOT removed its metadata, GetMethod returns null
    // and the frame is simply described from the trace each time, as without the cache.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only a cache key; a missing method disables caching for that frame.")]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MethodBase? Method(StackFrame frame) =>
        frame.GetMethod() is { } method && !method.Module.Assembly.IsCollectible ? method : null;

    /// <summary>The frames of one method by IL offset: copied on write, read without a lock.</summary>
    private sealed class MethodFrames
    {
        private readonly Lock _gate = new();
        private (int ILOffset, FrameInfo Info)[] _entries = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public FrameInfo? Find(int ilOffset)
        {
            var entries = Volatile.Read(ref _entries);
            for (var i = 0; i < entries.Length; i++)
            {
                if (entries[i].ILOffset == ilOffset)
                {
                    return entries[i].Info;
                }
            }

            return null;
        }

        /// <returns>Whether the offset was new.</returns>
        public bool TryAdd(int ilOffset, FrameInfo info)
        {
            lock (_gate)
            {
                if (Find(ilOffset) is not null)
                {
                    return false;
                }

                var entries = _entries;
                var grown = new (int, FrameInfo)[entries.Length + 1];
                entries.CopyTo(grown, 0);
                grown[^1] = (ilOffset, info);
                Volatile.Write(ref _entries, grown);
                return true;
            }
        }
    }
}
