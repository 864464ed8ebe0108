using System.Text.Json;

namespace Sentry.Management.Testing.Grouping;

/// <summary>What Sentry shows for an event before anyone opens it: title, culprit and metadata.</summary>
internal sealed record EventSummary(string Type, string Title, string Culprit, string? MetadataType, string? MetadataValue, string? Filename, string? Function)
{
    private const int MaxTitle = 200;

    public static EventSummary Of(JsonElement evt)
    {
        var exceptions = EventFields.Exceptions(evt);
        var frame = Fingerprint.CulpritFrame(evt);
        var transaction = EventFields.String(evt, "transaction");
        var culprit = EventFields.String(evt, "culprit") ?? transaction ?? FrameCulprit(frame) ?? "";
        var filename = frame is { } f ? EventFields.String(f, "filename") ?? EventFields.String(f, "abs_path") : null;
        var function = frame is { } g ? EventFields.String(g, "function") : null;
        if (exceptions.Count > 0)
        {
            var thrown = exceptions[^1];
            var type = EventFields.String(thrown, "type") ?? "Error";
            var value = EventFields.String(thrown, "value");
            var title = value is { Length: > 0 } ? $"{type}: {FirstLine(value)}" : type;
            return new EventSummary("error", Truncate(title), culprit, type, value ?? "", filename, function);
        }

        var message = EventFields.FormattedMessage(evt);
        var messageTitle = message is { Length: > 0 } ? FirstLine(message) : transaction ?? "<unlabeled event>";
        return new EventSummary("default", Truncate(messageTitle), culprit, null, null, filename, function);
    }

    private static string? FrameCulprit(JsonElement? frame)
    {
        if (frame is not { } f)
        {
            return null;
        }

        var module = EventFields.String(f, "module") ?? EventFields.String(f, "filename");
        var function = EventFields.String(f, "function");
        return (module, function) switch
        {
            ({ } m, { } fn) => $"{m} in {fn}",
            ({ } m, null) => m,
            (null, { } fn) => fn,
            _ => null,
        };
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }

    private static string Truncate(string text) => text.Length <= MaxTitle ? text : text[..(MaxTitle - 3)] + "...";
}
