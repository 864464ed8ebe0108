using System.Text.Json;

namespace Sentry.Management;

/// <summary>One page of the organization events table: a row per event (or per group, with aggregates) keyed by field.</summary>
public sealed class DiscoverResult : SentryModel
{
    /// <summary>The rows; each maps a requested field (such as <c>p95(span.duration)</c>) to its value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>? Data { get; set; }

    /// <summary>The fields' types and units.</summary>
    public DiscoverMeta? Meta { get; set; }
}

/// <summary>What the columns of a <see cref="DiscoverResult"/> hold.</summary>
public sealed class DiscoverMeta : SentryModel
{
    /// <summary>Each field's type, such as <c>integer</c>, <c>duration</c>, <c>date</c> or <c>string</c>.</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; set; }

    /// <summary>Each field's unit, such as <c>millisecond</c>, where it has one.</summary>
    public IReadOnlyDictionary<string, string?>? Units { get; set; }

    /// <summary>The dataset that answered.</summary>
    public string? Dataset { get; set; }
}
