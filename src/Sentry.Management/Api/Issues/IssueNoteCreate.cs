namespace Sentry.Management;

/// <summary>A note (comment) to add to an issue.</summary>
public sealed class IssueNoteCreate
{
    /// <summary>The text; markdown, up to Sentry's limit.</summary>
    public required string Text { get; set; }

    /// <summary>Who the note mentions, as <c>user:ID</c> or <c>team:ID</c>; they are notified.</summary>
    public IList<string>? Mentions { get; set; }
}
