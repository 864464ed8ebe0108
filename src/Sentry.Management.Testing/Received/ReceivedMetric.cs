using System.Text.Json;

namespace Sentry.Management.Testing;

/// <summary>One metric sample of a <c>trace_metric</c> item.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Type">The metric type, such as <c>counter</c>, <c>gauge</c> or <c>distribution</c>.</param>
/// <param name="Value">The value, when numeric.</param>
/// <param name="Json">The sample as received, with its <c>attributes</c>, <c>unit</c> and <c>timestamp</c>.</param>
public sealed record ReceivedMetric(string? Name, string? Type, double? Value, JsonElement Json);
