using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>
/// The base of every model Sentry returns. Fields the model does not name (newer or older Sentry versions,
/// self-hosted variations) are kept in <see cref="AdditionalProperties"/> instead of failing the call or vanishing.
/// </summary>
public abstract class SentryModel
{
    /// <summary>The raw JSON of every field this model does not map, by field name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
