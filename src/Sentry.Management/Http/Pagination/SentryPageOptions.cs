namespace Sentry.Management;

/// <summary>Where a listing starts and how far it may go. Caps keep a listing of a huge organization from running away.</summary>
public sealed class SentryPageOptions
{
    /// <summary>The cursor to start from (a <see cref="SentryPage{T}.NextCursor"/> from an earlier listing); <see langword="null"/> for the first page.</summary>
    public string? StartCursor { get; init; }

    /// <summary>Stop after this many items in total (the last page is cut). <see langword="null"/> for no cap.</summary>
    public int? MaxItems { get; init; }

    /// <summary>Stop after fetching this many pages. <see langword="null"/> for no cap.</summary>
    public int? MaxPages { get; init; }

    internal void Validate()
    {
        if (MaxItems is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxItems), MaxItems, "MaxItems must not be negative.");
        }

        if (MaxPages is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPages), MaxPages, "MaxPages must not be negative.");
        }
    }
}
