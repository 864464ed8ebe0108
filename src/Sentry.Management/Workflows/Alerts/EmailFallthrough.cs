namespace Sentry.Management;

/// <summary>Who an e-mail to the issue owners goes to when an issue has no owner, as Sentry names the choice (<c>fallthroughType</c>).</summary>
public enum EmailFallthrough
{
    /// <summary>The project's recently active members (<c>ActiveMembers</c>, Sentry's default).</summary>
    ActiveMembers,

    /// <summary>All members of the project's teams (<c>AllMembers</c>).</summary>
    AllMembers,

    /// <summary>Nobody (<c>NoOne</c>).</summary>
    NoOne,
}
