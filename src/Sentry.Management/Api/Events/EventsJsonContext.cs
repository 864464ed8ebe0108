using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the event endpoints and entry helpers (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(List<Event>))]
[JsonSerializable(typeof(IssueHash))]
[JsonSerializable(typeof(List<IssueHash>))]
[JsonSerializable(typeof(EventIdLookup))]
[JsonSerializable(typeof(EventException))]
[JsonSerializable(typeof(EventBreadcrumbs))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
