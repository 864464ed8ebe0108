using System.Net;
using System.Text.Json;
using Refit;

namespace Sentry.Management;

/// <summary>What the alert clients share: reading 201/202 answers, checking ids and request bodies.</summary>
internal static class AlertRuleResponses
{
    /// <summary>Turns a 201/200 answer into "created" and a 202 answer (<c>{"uuid": …}</c>) into "pending".</summary>
    internal static AlertRuleResult<TRule> ToResult<TRule>(IApiResponse<TRule> response)
        where TRule : SentryModel
    {
        using (response)
        {
            if (response.Error is { } error)
            {
                throw error.InnerException as SentryApiException ?? (Exception)error;
            }

            if (response.StatusCode is HttpStatusCode.Accepted)
            {
                // The 202 body is {"uuid": "..."}: it lands in AdditionalProperties, because the rule models name no such field.
                var uuid = response.Content?.AdditionalProperties is { } fields && fields.TryGetValue("uuid", out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
                return AlertRuleResult.Pending<TRule>(uuid ?? throw new InvalidOperationException("Sentry answered 202 without a task uuid."));
            }

            return AlertRuleResult.Created(response.Content ?? throw new InvalidOperationException($"Sentry answered {(int?)response.StatusCode} without a body."));
        }
    }

    internal static string[] Ids(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Select(id => QueryValues.NumericId(id, nameof(ids))).Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0)
        {
            // Without ids these bulk endpoints act on everything the (empty) query matches.
            throw new ArgumentException("At least one id is required.", nameof(ids));
        }

        return list;
    }

    internal static void Validate(IssueAlertRuleRequest rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Name, "rule.Name");
        ArgumentNullException.ThrowIfNull(rule.Conditions, "rule.Conditions");
        ArgumentNullException.ThrowIfNull(rule.Actions, "rule.Actions");
    }

    internal static void Validate(MetricAlertRuleRequest rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Name, "rule.Name");
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Aggregate, "rule.Aggregate");
        ArgumentNullException.ThrowIfNull(rule.Triggers, "rule.Triggers");
    }

    internal static void Validate(DetectorRequest detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(detector.Name, "detector.Name");
        ArgumentException.ThrowIfNullOrWhiteSpace(detector.Type, "detector.Type");
    }
}
