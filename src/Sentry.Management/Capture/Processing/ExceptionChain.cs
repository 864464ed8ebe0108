using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Processing;

/// <summary>One exception of a chain, with the ids Sentry uses to link chained and grouped exceptions.</summary>
internal readonly record struct ChainedException(Exception Exception, int Id, int? ParentId, string? Source);

/// <summary>
/// Walks an exception with its inner exceptions and <see cref="AggregateException"/> members, depth first,
/// giving the outermost exception id 0 as Sentry's exception-group format wants.
/// </summary>
internal static class ExceptionChain
{
    // Bounds the work for pathological chains; Sentry shows far fewer anyway.
    public const int MaxExceptions = 64;

    // Most aggregates are small: their members' source paths are made once, not per event.
    private static readonly string[] Sources = [.. Enumerable.Range(0, 16).Select(i => $"InnerExceptions[{i}]")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<ChainedException> Flatten(Exception? root)
    {
        // Sized for the common chains, so they never grow: the framework's growth code over this struct is not
        // precompiled and ran unoptimized in a cold process.
        var result = new List<ChainedException>(4);
        if (root is null)
        {
            return result;
        }

        var pending = new Stack<ChainedException>(4);
        pending.Push(new ChainedException(root, 0, null, null));
        var nextId = 1;
        while (pending.Count > 0 && result.Count < MaxExceptions)
        {
            var current = pending.Pop();
            if (Seen(result, current.Exception))
            {
                continue;
            }

            current = current with { Id = result.Count == 0 ? 0 : nextId++ };
            result.Add(current);
            if (current.Exception is AggregateException aggregate)
            {
                // Pushed in reverse so members come out in their own order.
                for (var i = aggregate.InnerExceptions.Count - 1; i >= 0; i--)
                {
                    pending.Push(new ChainedException(aggregate.InnerExceptions[i], 0, current.Id, i < Sources.Length ? Sources[i] : $"InnerExceptions[{i}]"));
                }
            }
            else if (current.Exception.InnerException is { } inner)
            {
                pending.Push(new ChainedException(inner, 0, current.Id, "InnerException"));
            }
        }

        return result;
    }

    // At most MaxExceptions entries: a linear search costs less than a hash set made for every event.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Seen(List<ChainedException> chain, Exception exception)
    {
        foreach (var item in chain)
        {
            if (ReferenceEquals(item.Exception, exception))
            {
                return true;
            }
        }

        return false;
    }
}
