using System.Collections.Frozen;

namespace Sentry.Management.Capture;

/// <summary>One immutable version of a scope, read by the sender long after the capture.</summary>
internal sealed record ScopeState(
    CaptureUser? User,
    FrozenDictionary<string, string> Tags,
    FrozenDictionary<string, object?> Extra,
    FrozenDictionary<string, IReadOnlyDictionary<string, object?>> Contexts,
    SentryBreadcrumb[] Breadcrumbs)
{
    public static readonly ScopeState Empty = new(
        null,
        FrozenDictionary<string, string>.Empty,
        FrozenDictionary<string, object?>.Empty,
        FrozenDictionary<string, IReadOnlyDictionary<string, object?>>.Empty,
        []);
}
