namespace Sentry.Management;

/// <summary>What filing a Sentry issue in an external tracker did.</summary>
/// <param name="IssueId">The Sentry issue.</param>
/// <param name="IntegrationId">The tracker's integration.</param>
/// <param name="Created">Whether a new external issue was created (<see langword="false"/>: the Sentry issue already had one in this tracker).</param>
/// <param name="DisplayName">How the tracker names it, such as <c>PROJ-42</c> or <c>acme/api#12</c>.</param>
/// <param name="Url">Its page in the tracker.</param>
public sealed record ExternalIssueFiling(string IssueId, string IntegrationId, bool Created, string? DisplayName, string? Url)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Created ? "created" : "found")} {DisplayName} for issue {IssueId}";
}
