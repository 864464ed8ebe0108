using System.Text.Json;

namespace Sentry.Management.Testing.Grouping;

/// <summary>
/// The values Sentry's default grouping hashes. For an exception chain: each exception's type and its in-app frames
/// (module, else file, and function); when no frame of the chain is in-app, every frame counts; an exception without
/// frames adds its parameterized message. Without an exception: the parameterized message. Without either: the
/// event's own in-app frames.
/// </summary>
internal static class DefaultGrouping
{
    public static IReadOnlyList<string> Values(JsonElement evt)
    {
        var exceptions = EventFields.Exceptions(evt);
        if (exceptions.Count > 0)
        {
            var anyInApp = exceptions.Any(e => EventFields.Frames(e).Any(EventFields.InApp));
            var values = new List<string>();
            foreach (var exception in exceptions)
            {
                if (EventFields.String(exception, "type") is { } type)
                {
                    values.Add(type);
                }

                var frames = EventFields.Frames(exception).Where(f => !anyInApp || EventFields.InApp(f)).ToList();
                if (frames.Count == 0)
                {
                    if (EventFields.String(exception, "value") is { } value)
                    {
                        values.Add(MessageParameterizer.Parameterize(value));
                    }

                    continue;
                }

                AddFrames(values, frames);
            }

            return values;
        }

        if (EventFields.MessageTemplate(evt) is { Length: > 0 } message)
        {
            return [MessageParameterizer.Parameterize(message)];
        }

        var ownFrames = EventFields.Frames(evt);
        var inApp = ownFrames.Where(EventFields.InApp).ToList();
        var result = new List<string>();
        AddFrames(result, inApp.Count > 0 ? inApp : ownFrames);
        return result;
    }

    private static void AddFrames(List<string> values, IEnumerable<JsonElement> frames)
    {
        foreach (var frame in frames)
        {
            if ((EventFields.String(frame, "module") ?? EventFields.String(frame, "filename")) is { } module)
            {
                values.Add(module);
            }

            if (EventFields.String(frame, "function") is { } function)
            {
                values.Add(function);
            }
        }
    }
}
