using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Transport;

/// <summary>Counts work not yet finished so a flush can wait for zero without polling.</summary>
internal sealed class PendingTracker
{
    private readonly Lock _gate = new();
    private long _count;
    private TaskCompletionSource? _drained;

    public long Count => Interlocked.Read(ref _count);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long n) => Interlocked.Add(ref _count, n);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Done(long n)
    {
        if (Interlocked.Add(ref _count, -n) > 0)
        {
            return;
        }

        TaskCompletionSource? waiter;
        lock (_gate)
        {
            // Work queued between the decrement and this lock keeps the flush waiting.
            if (Interlocked.Read(ref _count) > 0)
            {
                return;
            }

            waiter = _drained;
            _drained = null;
        }

        waiter?.TrySetResult();
    }

    public Task WhenDrainedAsync()
    {
        lock (_gate)
        {
            if (Interlocked.Read(ref _count) <= 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }
}
