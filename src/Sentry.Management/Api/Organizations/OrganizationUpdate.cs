using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>Changes to an organization. Only the properties that are set are sent; the rest stay as they are.</summary>
public sealed class OrganizationUpdate
{
    /// <summary>A new display name.</summary>
    public string? Name { get; set; }

    /// <summary>A new slug (changes the organization's URLs).</summary>
    public string? Slug { get; set; }

    /// <summary>Opt in or out of early-adopter features.</summary>
    public bool? IsEarlyAdopter { get; set; }

    /// <summary>Hide AI features from members.</summary>
    public bool? HideAiFeatures { get; set; }

    /// <summary>The role new members get: <c>member</c>, <c>admin</c>, <c>manager</c> or <c>owner</c>.</summary>
    public string? DefaultRole { get; set; }

    /// <summary>Let members join any team.</summary>
    public bool? OpenMembership { get; set; }

    /// <summary>Require two-factor authentication of members.</summary>
    [JsonPropertyName("require2FA")]
    public bool? Require2FA { get; set; }

    /// <summary>Allow issues to be shared with a public link.</summary>
    public bool? AllowSharedIssues { get; set; }

    /// <summary>Hide source code and event data from notifications.</summary>
    public bool? EnhancedPrivacy { get; set; }

    /// <summary>Let Sentry fetch JavaScript source files.</summary>
    public bool? ScrapeJavaScript { get; set; }

    /// <summary>How many native crash reports to store per issue (0, 1, 5, 10, 20, 50, 100, or -1 for all).</summary>
    public int? StoreCrashReports { get; set; }

    /// <summary>Allow people to request to join.</summary>
    public bool? AllowJoinRequests { get; set; }

    /// <summary>Scrub data server-side.</summary>
    public bool? DataScrubber { get; set; }

    /// <summary>Apply Sentry's default scrubbers.</summary>
    public bool? DataScrubberDefaults { get; set; }

    /// <summary>Extra field names to scrub.</summary>
    public IReadOnlyList<string>? SensitiveFields { get; set; }

    /// <summary>Field names never to scrub.</summary>
    public IReadOnlyList<string>? SafeFields { get; set; }

    /// <summary>Remove IP addresses from events.</summary>
    [JsonPropertyName("scrubIPAddresses")]
    public bool? ScrubIPAddresses { get; set; }

    /// <summary>Cancel a pending deletion.</summary>
    public bool? CancelDeletion { get; set; }
}
