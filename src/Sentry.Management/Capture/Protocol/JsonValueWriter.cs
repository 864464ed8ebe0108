using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Writes arbitrary extra and context values as JSON without reflection (so the package stays AOT clean):
/// known primitives, dictionaries and lists become JSON, anything else its <c>ToString()</c>.
/// Depth beyond <c>NormalizeDepth</c> and cycles are written as markers instead of recursing.
/// </summary>
internal static class JsonValueWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, PayloadContext context, string? key, object? value) =>
        Write(writer, context, key, value, 0, null);

    // The path of containers is only made when a value is one: most extras are strings and numbers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(Utf8JsonWriter writer, PayloadContext context, string? key, object? value, int depth, List<object>? path)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(key is null ? context.Clean(s) : context.CleanValue(key, s));
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case short or byte or sbyte or uint or ushort:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                return;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                return;
            case DateTime dt:
                writer.WriteStringValue(dt);
                return;
            case Guid g:
                writer.WriteStringValue(g);
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
        }

        if (value is IDictionary or IEnumerable and not string)
        {
            if (depth >= context.Options.NormalizeDepth)
            {
                writer.WriteStringValue(value is IDictionary ? "[Object]" : "[Array]");
                return;
            }

            path ??= [];
            if (Contains(path, value))
            {
                writer.WriteStringValue("[Circular]");
                return;
            }

            path.Add(value);
            if (value is IDictionary dictionary)
            {
                WriteDictionary(writer, context, dictionary, depth, path);
            }
            else
            {
                WriteList(writer, context, (IEnumerable)value, depth, path);
            }

            path.RemoveAt(path.Count - 1);
            return;
        }

        writer.WriteStringValue(context.Clean(SafeToString(value)));
    }

    private static void WriteDictionary(Utf8JsonWriter writer, PayloadContext context, IDictionary dictionary, int depth, List<object> path)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            writer.WritePropertyName(name);
            if (context.Scrubber.IsSensitiveKey(name))
            {
                writer.WriteStringValue(Processing.PiiScrubber.Filtered);
            }
            else
            {
                Write(writer, context, null, entry.Value, depth + 1, path);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, PayloadContext context, IEnumerable list, int depth, List<object> path)
    {
        writer.WriteStartArray();
        var count = 0;
        foreach (var item in list)
        {
            // Bounds lazily infinite sequences.
            if (++count > 1000)
            {
                writer.WriteStringValue("[Truncated]");
                break;
            }

            Write(writer, context, null, item, depth + 1, path);
        }

        writer.WriteEndArray();
    }

    private static bool Contains(List<object> path, object value)
    {
        foreach (var item in path)
        {
            if (ReferenceEquals(item, value))
            {
                return true;
            }
        }

        return false;
    }

    private static string SafeToString(object value)
    {
        try
        {
            return value.ToString() ?? value.GetType().Name;
        }
#pragma warning disable CA1031 // A user's ToString must not stop the event from being sent.
        catch (Exception)
#pragma warning restore CA1031
        {
            return $"[{value.GetType().Name}: ToString failed]";
        }
    }
}
