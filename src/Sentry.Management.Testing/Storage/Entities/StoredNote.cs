namespace Sentry.Management.Testing.Storage;

/// <summary>A comment on an issue (an activity of type <c>note</c>).</summary>
internal sealed class StoredNote
{
    public required string Id { get; set; }

    public required string IssueId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset DateCreated { get; set; }
}
