namespace Sentry.Management;

/// <summary>The data of an event's <c>breadcrumbs</c> entry.</summary>
public sealed class EventBreadcrumbs : SentryModel
{
    /// <summary>The breadcrumbs, oldest first.</summary>
    public IReadOnlyList<EventBreadcrumb>? Values { get; set; }
}
