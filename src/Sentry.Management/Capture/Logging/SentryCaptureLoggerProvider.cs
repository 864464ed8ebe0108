using Microsoft.Extensions.Logging;
using Sentry.Management.Capture;
using Sentry.Management.Capture.Logging;

namespace Sentry.Management;

/// <summary>
/// The logging integration (<c>integrations.console</c>): an <see cref="ILoggerProvider"/> that turns entries at
/// <see cref="ConsoleIntegrationOptions.Levels"/> into breadcrumbs, captures those at error level or above that carry an
/// exception as events, and sends them as Sentry Logs (batched <c>log</c> items with the message template, its
/// parameters and the current trace).
/// </summary>
/// <remarks>
/// Under DI: <c>builder.Logging.AddSentryCapture()</c>. Entries of the library's own categories (<c>Sentry.Management</c>, <c>Sentry.Management.Capture</c>)
/// and entries logged while capture itself runs (on the caller's thread, or in a hook on capture's workers) are never
/// recorded, so capture cannot feed itself.
/// </remarks>
public sealed class SentryCaptureLoggerProvider : ILoggerProvider
{
    [ThreadStatic]
    private static bool t_capturing;

    private readonly Func<SentryCaptureClient> _resolve;
    private SentryCaptureClient? _capture;
    private int _levels = -1;

    /// <summary>Creates the provider over a capture client.</summary>
    /// <param name="capture">The client the entries go to.</param>
    public SentryCaptureLoggerProvider(SentryCaptureClient capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        _resolve = () => capture;
    }

    /// <summary>
    /// Creates the provider over a client resolved on the first entry: the capture client itself takes a logger, so
    /// resolving it while the logger factory is built would be a cycle.
    /// </summary>
    internal SentryCaptureLoggerProvider(Func<SentryCaptureClient> resolve) => _resolve = resolve;

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new SentryCaptureLogger(categoryName ?? string.Empty, this);

    /// <summary>Nothing to release: the capture client is owned by whoever created it.</summary>
    public void Dispose()
    {
    }

    internal static EventLevel Map(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => EventLevel.Debug,
        LogLevel.Information => EventLevel.Info,
        LogLevel.Warning => EventLevel.Warning,
        LogLevel.Error => EventLevel.Error,
        _ => EventLevel.Fatal,
    };

    internal static void Exit() => t_capturing = false;

    /// <summary>Whether entries at this level are recorded: the integration is on and the level is listed (fatal also when error is).</summary>
    internal bool IsRecorded(LogLevel level)
    {
        if (level == LogLevel.None || t_capturing || CaptureFlow.IsWorker)
        {
            return false;
        }

        var mask = Volatile.Read(ref _levels);
        if (mask < 0)
        {
            mask = ComputeLevels();
        }

        return (mask & (1 << (int)Map(level))) != 0;
    }

    /// <summary>Marks this thread as capturing (so entries logged by capture itself are dropped) and hands out the client.</summary>
    internal bool TryEnter(out SentryCaptureClient? capture)
    {
        capture = null;
        if (t_capturing)
        {
            return false;
        }

        t_capturing = true;
        capture = Capture();
        if (capture is null)
        {
            t_capturing = false;
            return false;
        }

        return true;
    }

    private SentryCaptureClient? Capture()
    {
        if (Volatile.Read(ref _capture) is { } known)
        {
            return known;
        }

        // Resolving may construct the client, which may log: t_capturing keeps those entries out.
        var was = t_capturing;
        t_capturing = true;
        try
        {
            var resolved = _resolve();
            Volatile.Write(ref _capture, resolved);
            return resolved;
        }
        finally
        {
            t_capturing = was;
        }
    }

    private int ComputeLevels()
    {
        if (!TryEnter(out var capture))
        {
            return 0; // Not cached: asked again once the client exists.
        }

        try
        {
            if (capture!.RuntimeOrNull is not { } runtime || !runtime.Options.Integrations.Console.Enabled)
            {
                return Cache(0);
            }

            var mask = 0;
            foreach (var level in runtime.Options.Integrations.Console.Levels)
            {
                mask |= 1 << (int)level;
            }

            if ((mask & (1 << (int)EventLevel.Error)) != 0)
            {
                mask |= 1 << (int)EventLevel.Fatal;
            }

            return Cache(mask);
        }
        finally
        {
            Exit();
        }
    }

    private int Cache(int mask)
    {
        Volatile.Write(ref _levels, mask);
        return mask;
    }
}
