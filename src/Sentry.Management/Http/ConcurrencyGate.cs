namespace Sentry.Management.Http;

/// <summary>
/// An async semaphore whose size can change while requests wait: Sentry announces its concurrent limit in
/// responses, so the number of permits follows the server instead of a fixed guess.
/// </summary>
internal sealed class ConcurrencyGate
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private readonly int _configuredLimit;
    private int _limit;
    private int _inFlight;

    internal ConcurrencyGate(int limit)
    {
        _configuredLimit = limit;
        _limit = limit;
    }

    internal int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>Lowers (or restores, up to the configured maximum) the number of requests allowed in flight.</summary>
    internal void SetServerLimit(int serverLimit)
    {
        List<TaskCompletionSource>? wake;
        lock (_lock)
        {
            _limit = Math.Clamp(serverLimit, 1, _configuredLimit);
            wake = DequeueRunnable();
        }

        Wake(wake);
    }

    /// <summary>Takes a permit if one is free and nobody waits for one; never waits.</summary>
    internal bool TryEnter()
    {
        lock (_lock)
        {
            if (_inFlight < _limit && _waiters.Count == 0)
            {
                _inFlight++;
                return true;
            }

            return false;
        }
    }

    internal async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_inFlight < _limit && _waiters.Count == 0)
            {
                _inFlight++;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }

    internal void Release()
    {
        List<TaskCompletionSource>? wake;
        lock (_lock)
        {
            _inFlight--;
            wake = DequeueRunnable();
        }

        Wake(wake);
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return; // already granted a permit; the caller releases it after the cancelled send
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    private List<TaskCompletionSource>? DequeueRunnable()
    {
        List<TaskCompletionSource>? wake = null;
        while (_inFlight < _limit && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _inFlight++;
            (wake ??= []).Add(first.Value);
        }

        return wake;
    }

    private static void Wake(List<TaskCompletionSource>? wake)
    {
        if (wake is null)
        {
            return;
        }

        foreach (var waiter in wake)
        {
            waiter.TrySetResult();
        }
    }
}
