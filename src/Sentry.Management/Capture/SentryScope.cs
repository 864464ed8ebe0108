using System.Collections.Frozen;
using Sentry.Management.Capture;

namespace Sentry.Management;

/// <summary>
/// Data attached to every event the client captures: user, tags, extras, contexts and breadcrumbs.
/// Thread-safe; changes apply to events captured afterwards.
/// </summary>
/// <remarks>
/// The scope is copy-on-write: each change builds a new immutable state, so a capture only reads one
/// reference (no copying on the calling thread) and the sender reads that snapshot later.
/// </remarks>
public sealed class SentryScope
{
    private readonly SentryCaptureOptions _options;
    private readonly Lock _gate = new();
    private ScopeState _state = ScopeState.Empty;

    internal SentryScope(SentryCaptureOptions options) => _options = options;

    internal ScopeState Snapshot => Volatile.Read(ref _state);

    /// <summary>The user attached to events, or <see langword="null"/>.</summary>
    public CaptureUser? User => Snapshot.User;

    /// <summary>The breadcrumbs currently kept, oldest first.</summary>
    public IReadOnlyList<SentryBreadcrumb> Breadcrumbs => Array.AsReadOnly(Snapshot.Breadcrumbs);

    /// <summary>The tags currently set.</summary>
    public IReadOnlyDictionary<string, string> Tags => Snapshot.Tags;

    /// <summary>Sets the user attached to events; <see langword="null"/> removes it.</summary>
    /// <param name="user">The user.</param>
    public void SetUser(CaptureUser? user) => Update(s => s with { User = user });

    /// <summary>Sets a tag on every later event.</summary>
    /// <param name="key">The tag name.</param>
    /// <param name="value">The tag value.</param>
    public void SetTag(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        Update(s => s with { Tags = With(s.Tags, key, value) });
    }

    /// <summary>Removes a tag.</summary>
    /// <param name="key">The tag name.</param>
    public void RemoveTag(string key) => Update(s => s with { Tags = Without(s.Tags, key) });

    /// <summary>Sets extra data on every later event.</summary>
    /// <param name="key">The extra's name.</param>
    /// <param name="value">The value; see <see cref="ErrorEvent.Extra"/> for how it is written.</param>
    public void SetExtra(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Update(s => s with { Extra = With(s.Extra, key, value) });
    }

    /// <summary>Sets a named context (such as <c>app</c> or your own) on every later event.</summary>
    /// <param name="key">The context name.</param>
    /// <param name="value">The context's fields.</param>
    public void SetContext(string key, IReadOnlyDictionary<string, object?> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        Update(s => s with { Contexts = With(s.Contexts, key, value) });
    }

    /// <summary>Records a breadcrumb, after <see cref="SentryCaptureOptions.BeforeBreadcrumb"/>; the oldest falls off beyond <see cref="SentryCaptureOptions.MaxBreadcrumbs"/>.</summary>
    /// <param name="breadcrumb">The breadcrumb.</param>
    public void AddBreadcrumb(SentryBreadcrumb breadcrumb)
    {
        if (breadcrumb is null || _options.MaxBreadcrumbs == 0)
        {
            return;
        }

        var kept = ApplyHook(breadcrumb);
        if (kept is null)
        {
            return;
        }

        if (kept.Timestamp is null)
        {
            kept = new SentryBreadcrumb(kept.Message, kept.Category, kept.Level)
            {
                Type = kept.Type,
                Data = kept.Data,
                Timestamp = _options.TimeProvider.GetUtcNow(),
            };
        }

        var max = _options.MaxBreadcrumbs;
        Update(s =>
        {
            var old = s.Breadcrumbs;
            var skip = old.Length >= max ? old.Length - max + 1 : 0;
            var next = new SentryBreadcrumb[old.Length - skip + 1];
            Array.Copy(old, skip, next, 0, old.Length - skip);
            next[^1] = kept;
            return s with { Breadcrumbs = next };
        });
    }

    /// <summary>Records a breadcrumb with a message and category.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="category">A dotted category.</param>
    /// <param name="level">The severity.</param>
    public void AddBreadcrumb(string message, string? category = null, EventLevel level = EventLevel.Info) =>
        AddBreadcrumb(new SentryBreadcrumb(message, category, level));

    /// <summary>Removes all breadcrumbs.</summary>
    public void ClearBreadcrumbs() => Update(s => s with { Breadcrumbs = [] });

    private SentryBreadcrumb? ApplyHook(SentryBreadcrumb breadcrumb)
    {
        var hook = _options.BeforeBreadcrumb;
        if (hook is null)
        {
            return breadcrumb;
        }

        try
        {
            return hook(breadcrumb);
        }
#pragma warning disable CA1031 // A user hook must never break the caller; the breadcrumb is kept as it was.
        catch (Exception)
#pragma warning restore CA1031
        {
            return breadcrumb;
        }
    }

    private void Update(Func<ScopeState, ScopeState> change)
    {
        lock (_gate)
        {
            Volatile.Write(ref _state, change(_state));
        }
    }

    private static FrozenDictionary<string, T> With<T>(FrozenDictionary<string, T> source, string key, T value)
    {
        var copy = new Dictionary<string, T>(source, StringComparer.Ordinal) { [key] = value };
        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, T> Without<T>(FrozenDictionary<string, T> source, string key)
    {
        if (!source.ContainsKey(key))
        {
            return source;
        }

        var copy = new Dictionary<string, T>(source, StringComparer.Ordinal);
        copy.Remove(key);
        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
