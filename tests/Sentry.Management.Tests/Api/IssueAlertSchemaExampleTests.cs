using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Sentry.Management.Serialization;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Api;

/// <summary>
/// Every example response the schema gives for the issue, event and alert operations deserializes into its model, and
/// every field the model names that the example sets is populated (recursively), so a misspelt property cannot hide.
/// </summary>
public partial class IssueAlertSchemaExampleTests
{
    private static readonly Dictionary<(string Verb, string Path), JsonTypeInfo> Models = new()
    {
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/")] = IssuesJsonContext.Default.ListIssue,
        [("PUT", "/api/0/organizations/{organization_id_or_slug}/issues/")] = IssuesJsonContext.Default.IssueBulkUpdateResult,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/")] = IssuesJsonContext.Default.Issue,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/shortids/{issue_id}/")] = IssuesJsonContext.Default.IssueShortIdLookup,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/")] = IssuesJsonContext.Default.IssueTag,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/values/")] = IssuesJsonContext.Default.ListIssueTagValue,
        [("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/")] = IssuesJsonContext.Default.ListIssue,
        [("PUT", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/")] = IssuesJsonContext.Default.IssueBulkUpdateResult,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/eventids/{event_id}/")] = EventsJsonContext.Default.EventIdLookup,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/")] = EventsJsonContext.Default.ListEvent,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/{event_id}/")] = EventsJsonContext.Default.Event,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/hashes/")] = EventsJsonContext.Default.ListIssueHash,
        [("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/")] = EventsJsonContext.Default.ListEvent,
        [("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/{event_id}/")] = EventsJsonContext.Default.Event,
        [("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/")] = AlertsJsonContext.Default.ListIssueAlertRule,
        [("POST", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/")] = AlertsJsonContext.Default.IssueAlertRule,
        [("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/")] = AlertsJsonContext.Default.IssueAlertRule,
        [("PUT", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/")] = AlertsJsonContext.Default.IssueAlertRule,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/alert-rules/")] = AlertsJsonContext.Default.ListMetricAlertRule,
        [("POST", "/api/0/organizations/{organization_id_or_slug}/alert-rules/")] = AlertsJsonContext.Default.MetricAlertRule,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/")] = AlertsJsonContext.Default.MetricAlertRule,
        [("PUT", "/api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/")] = AlertsJsonContext.Default.MetricAlertRule,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/workflows/")] = AlertsJsonContext.Default.ListWorkflow,
        [("POST", "/api/0/organizations/{organization_id_or_slug}/workflows/")] = AlertsJsonContext.Default.Workflow,
        [("PUT", "/api/0/organizations/{organization_id_or_slug}/workflows/")] = AlertsJsonContext.Default.ListWorkflow,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/")] = AlertsJsonContext.Default.Workflow,
        [("PUT", "/api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/")] = AlertsJsonContext.Default.Workflow,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/detectors/")] = AlertsJsonContext.Default.ListDetector,
        [("PUT", "/api/0/organizations/{organization_id_or_slug}/detectors/")] = AlertsJsonContext.Default.ListDetector,
        [("GET", "/api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/")] = AlertsJsonContext.Default.Detector,
        [("PUT", "/api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/")] = AlertsJsonContext.Default.Detector,
        [("POST", "/api/0/organizations/{organization_id_or_slug}/projects/{project_id_or_slug}/detectors/")] = AlertsJsonContext.Default.Detector,
    };

    /// <summary>The schema's examples for the issue, event and alert paths (without their neighbours the models do not cover).</summary>
    private static IEnumerable<SchemaExample> AreaExamples() =>
        SchemaExamples.All().Where(e => AreaPath().IsMatch(e.Path) && !OtherAreaPath().IsMatch(e.Path));

    private static IEnumerable<TestCaseData> Examples() =>
        AreaExamples().Select(e => new TestCaseData(e.Verb, e.Path, e.Status, e.Name).SetName($"{e.Verb} {e.Path} {e.Status} {e.Name}"));

    [TestCaseSource(nameof(Examples))]
    public void Example_deserializes_and_every_named_field_it_sets_is_populated(string verb, string path, string status, string name)
    {
        Assert.That(Models.TryGetValue((verb, path), out var typeInfo), Is.True, $"no model mapped for {verb} {path}");
        var json = AreaExamples().Single(e => e.Verb == verb && e.Path == path && e.Status == status && e.Name == name).Json;

        var model = JsonSerializer.Deserialize(json, typeInfo!);

        Assert.That(model, Is.Not.Null);
        using var document = JsonDocument.Parse(json);
        var missing = new List<string>();
        CheckPopulated(document.RootElement, model!, "$", missing);
        Assert.That(missing, Is.Empty, "fields the example sets but the model left empty");
    }

    [Test]
    public void Every_mapped_operation_has_at_least_one_example_or_is_known_to_have_none()
    {
        var withExamples = AreaExamples().Select(e => (e.Verb, e.Path)).ToHashSet();
        Assert.That(Models.Keys.Where(k => !withExamples.Contains(k)), Is.Empty);
    }

    [GeneratedRegex("/(issues|shortids|eventids|events|rules|alert-rules|workflows|detectors)/")]
    private static partial Regex AreaPath();

    [GeneratedRegex(@"/(autofix|external-issues|integrations|attachments|source-map-debug|events-timeseries)/|/organizations/\{organization_id_or_slug\}/events/$|sentry-app-installations")]
    private static partial Regex OtherAreaPath();

    private static void CheckPopulated(JsonElement json, object model, string at, List<string> missing)
    {
        if (json.ValueKind == JsonValueKind.Array && model is IEnumerable items and not string)
        {
            var i = 0;
            foreach (var item in items)
            {
                if (i < json.GetArrayLength() && item is not null)
                {
                    CheckPopulated(json[i], item, $"{at}[{i}]", missing);
                }

                i++;
            }

            return;
        }

        if (json.ValueKind != JsonValueKind.Object || model is not SentryModel)
        {
            return;
        }

        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(SentryModel.AdditionalProperties) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!json.TryGetProperty(jsonName, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var modelValue = property.GetValue(model);
            if (modelValue is null)
            {
                missing.Add($"{at}.{jsonName}");
                continue;
            }

            CheckPopulated(value, modelValue, $"{at}.{jsonName}", missing);
        }
    }
}
