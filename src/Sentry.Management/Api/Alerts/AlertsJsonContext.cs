using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the alert endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(IssueAlertRule))]
[JsonSerializable(typeof(List<IssueAlertRule>))]
[JsonSerializable(typeof(IssueAlertRuleRequest))]
[JsonSerializable(typeof(MetricAlertRule))]
[JsonSerializable(typeof(List<MetricAlertRule>))]
[JsonSerializable(typeof(MetricAlertRuleRequest))]
[JsonSerializable(typeof(Workflow))]
[JsonSerializable(typeof(List<Workflow>))]
[JsonSerializable(typeof(WorkflowRequest))]
[JsonSerializable(typeof(Detector))]
[JsonSerializable(typeof(List<Detector>))]
[JsonSerializable(typeof(DetectorRequest))]
[JsonSerializable(typeof(EnabledUpdate))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
