namespace Sentry.Management;

/// <summary>The unit of an issue-age filter, as Sentry spells it.</summary>
public enum IssueAgeUnit
{
    /// <summary>Minutes (<c>minute</c>).</summary>
    Minute,

    /// <summary>Hours (<c>hour</c>).</summary>
    Hour,

    /// <summary>Days (<c>day</c>).</summary>
    Day,

    /// <summary>Weeks (<c>week</c>).</summary>
    Week,
}
