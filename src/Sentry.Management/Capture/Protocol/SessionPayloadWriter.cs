using System.Text.Json;
using Sentry.Management.Capture.Sessions;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Writes <c>session</c> and <c>sessions</c> item payloads (Sentry's release-health protocol).</summary>
internal static class SessionPayloadWriter
{
    public static void Write(Utf8JsonWriter writer, SessionUpdate session)
    {
        writer.WriteStartObject();
        writer.WriteString("sid", session.Sid.ToString("D"));
        if (session.DistinctId is { } did)
        {
            writer.WriteString("did", did);
        }

        writer.WriteBoolean("init", session.Init);
        writer.WriteString("started", session.Started.ToUniversalTime());
        writer.WriteString("timestamp", session.Timestamp.ToUniversalTime());
        writer.WriteString("status", session.Status);
        writer.WriteNumber("errors", session.Errors);
        if (session.Duration is { } duration)
        {
            writer.WriteNumber("duration", Math.Round(duration, 3));
        }

        WriteAttrs(writer, session.Release, session.Environment);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, SessionAggregates aggregates)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("aggregates");
        foreach (var bucket in aggregates.Buckets)
        {
            writer.WriteStartObject();
            writer.WriteString("started", bucket.Started.ToUniversalTime());
            WriteCount(writer, "exited", bucket.Exited);
            WriteCount(writer, "errored", bucket.Errored);
            WriteCount(writer, "crashed", bucket.Crashed);
            WriteCount(writer, "abnormal", bucket.Abnormal);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteAttrs(writer, aggregates.Release, aggregates.Environment);
        writer.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, long count)
    {
        if (count > 0)
        {
            writer.WriteNumber(name, count);
        }
    }

    private static void WriteAttrs(Utf8JsonWriter writer, string release, string? environment)
    {
        writer.WriteStartObject("attrs");
        writer.WriteString("release", release);
        if (environment is not null)
        {
            writer.WriteString("environment", environment);
        }

        writer.WriteEndObject();
    }
}
