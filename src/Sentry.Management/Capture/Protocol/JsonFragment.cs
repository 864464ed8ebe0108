using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Encodes a piece of JSON once, for parts of a payload that are the same in every envelope that carries them (a
/// stack frame of a known throw site, a breadcrumb already on the scope, the <c>sdk</c> object): writing the kept
/// bytes with <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/> is one copy instead of a
/// transcoding and escaping pass per string.
/// </summary>
internal static class JsonFragment
{
    // One scratch writer per thread: fragments are encoded on whichever sender worker meets them first.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>The JSON value <paramref name="write"/> writes, as UTF-8 bytes.</summary>
    public static byte[] Encode<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        // Taken off the thread while in use, so a fragment encoded from inside another (a type initializer) gets its own.
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        write(scratch.Writer, state);
        scratch.Writer.Flush();
        var json = scratch.Buffer.WrittenSpan.ToArray();
        t_scratch = scratch;
        return json;
    }

    /// <summary>Writes a fragment from <see cref="Encode"/> as the next value (the writer adds the separator).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, byte[] fragment) => writer.WriteRawValue(fragment, skipInputValidation: true);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its thread; a writer over an array buffer holds nothing to release.")]
    private sealed class Scratch
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(512);
        public readonly Utf8JsonWriter Writer;

        public Scratch() => Writer = new Utf8JsonWriter(Buffer, EnvelopeWriter.WriterOptions);
    }
}
