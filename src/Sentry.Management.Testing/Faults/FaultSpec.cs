using System.Globalization;

namespace Sentry.Management.Testing.Faults;

/// <summary>
/// Reads a fault switch from text, as the command line and <c>POST /_local/faults</c> give it:
/// <c>&lt;surface&gt;:&lt;fault&gt;[=&lt;value&gt;][;&lt;option&gt;=&lt;value&gt;…]</c>, for example
/// <c>ingestion:rate-limit=60;times=2;categories=error,transaction</c>, <c>management:server-error=503;times=1</c>,
/// <c>management:delay=50</c> (ms), <c>ingestion:drop;times=1</c>, <c>management:limit;concurrent=4;per-second=20</c>,
/// <c>all:clear</c>.
/// </summary>
internal static class FaultSpec
{
    public const string Syntax = "<ingestion|management|all>:<rate-limit=<seconds>|server-error=<status>|drop|delay=<ms>|limit|clear>[;times=N][;categories=a,b][;concurrent=N][;per-second=N]";

    public static void Apply(LocalSentryFaults faults, string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Invalid(spec, "it must start with a surface and a colon");
        }

        var surface = spec[..colon].Trim().ToLowerInvariant();
        var targets = surface switch
        {
            "ingestion" => new[] { faults.Ingestion },
            "management" => [faults.Management],
            "all" => [faults.Ingestion, faults.Management],
            _ => throw Invalid(spec, $"unknown surface '{surface}'"),
        };

        var parts = spec[(colon + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw Invalid(spec, "no fault named");
        }

        var (kind, value) = Split(parts[0]);
        var options = parts.Skip(1).Select(Split).ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal);
        var times = options.TryGetValue("times", out var t) ? Int(spec, "times", t) : (int?)null;
        foreach (var target in targets)
        {
            switch (kind.ToLowerInvariant())
            {
                case "rate-limit":
                    var categories = options.TryGetValue("categories", out var c) && c is not null
                        ? c.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        : [];
                    target.RateLimit(TimeSpan.FromSeconds(value is null ? 60 : Int(spec, "rate-limit", value)), times, categories);
                    break;
                case "server-error":
                    target.ServerError(value is null ? 503 : Int(spec, "server-error", value), times);
                    break;
                case "drop":
                    target.DropConnections(times);
                    break;
                case "delay":
                    target.Delay(TimeSpan.FromMilliseconds(Int(spec, "delay", value)));
                    break;
                case "limit":
                    target.Limit(
                        options.TryGetValue("concurrent", out var n) ? Int(spec, "concurrent", n) : null,
                        options.TryGetValue("per-second", out var m) ? Int(spec, "per-second", m) : null);
                    break;
                case "clear":
                    target.Clear();
                    break;
                default:
                    throw Invalid(spec, $"unknown fault '{kind}'");
            }
        }
    }

    private static (string Key, string? Value) Split(string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (part.Trim(), null) : (part[..equals].Trim(), part[(equals + 1)..].Trim());
    }

    private static int Int(string spec, string name, string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(spec, $"{name} needs an integer value");

    private static ArgumentException Invalid(string spec, string why) =>
        new($"Fault '{spec}' is not valid: {why}. Expected {Syntax}.");
}
