namespace Sentry.Management;

/// <summary>What Sentry derived from an issue's or event's data: title, exception type and value, location.</summary>
public sealed class IssueMetadata : SentryModel
{
    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The exception type.</summary>
    public string? Type { get; set; }

    /// <summary>The exception value (message).</summary>
    public string? Value { get; set; }

    /// <summary>The file of the culprit frame.</summary>
    public string? Filename { get; set; }

    /// <summary>The function of the culprit frame.</summary>
    public string? Function { get; set; }
}
