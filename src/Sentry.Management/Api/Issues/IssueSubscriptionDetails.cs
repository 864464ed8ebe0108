namespace Sentry.Management;

/// <summary>Why the current user is, or is not, subscribed to an issue.</summary>
public sealed class IssueSubscriptionDetails : SentryModel
{
    /// <summary>Whether notifications are disabled.</summary>
    public bool? Disabled { get; set; }

    /// <summary>The reason, such as <c>mentioned</c> or <c>assigned</c>.</summary>
    public string? Reason { get; set; }
}
