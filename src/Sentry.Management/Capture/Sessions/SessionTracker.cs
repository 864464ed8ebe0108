using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Sessions;

/// <summary>
/// The app-run session of a client (Sentry's "application mode"): at most one at a time. Each change returns the
/// update to send, or <see langword="null"/> when nothing changed that Sentry needs to hear now.
/// </summary>
internal sealed class SessionTracker(SentryCaptureOptions options)
{
    private readonly Lock _gate = new();
    private Guid _sid;
    private DateTimeOffset _started;
    private int _errors;
    private string? _distinctId;
    private bool _active;

    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>Starts a new session (ending none: the caller ends a running one first).</summary>
    public SessionUpdate Start(string? distinctId)
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            _sid = Guid.NewGuid();
            _started = now;
            _errors = 0;
            _distinctId = distinctId;
            _active = true;
            return Snapshot(now, init: true, "ok", duration: null);
        }
    }

    /// <summary>Counts an error; only the first one is sent at once (the count rides on the final update).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SessionUpdate? MarkErrored()
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_active)
            {
                return null;
            }

            _errors++;
            return _errors == 1 ? Snapshot(now, init: false, "ok", duration: null) : null;
        }
    }

    /// <summary>Ends the session with a final status (<c>exited</c>, <c>crashed</c> or <c>abnormal</c>).</summary>
    public SessionUpdate? End(string status, bool countError = false)
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_active)
            {
                return null;
            }

            if (countError)
            {
                _errors++;
            }

            _active = false;
            return Snapshot(now, init: false, status, Math.Max(0, (now - _started).TotalSeconds));
        }
    }

    private SessionUpdate Snapshot(DateTimeOffset now, bool init, string status, double? duration) =>
        new(_sid, _distinctId, init, _started, now, status, _errors, duration, options.Release!, options.Environment);
}
