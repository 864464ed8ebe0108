namespace Sentry.Management.Testing;

/// <summary>
/// What a <see cref="LocalSentry"/> received since it started (or since <see cref="Clear"/>), for tests to assert on.
/// Every list is a snapshot; the <c>WaitFor…</c> methods wait for data that is still on its way.
/// </summary>
/// <remarks>
/// This is the raw record of ingestion, kept in memory only. Issues, events and stats built from it are read through
/// the management API, and survive a restart when the server keeps a data file.
/// </remarks>
public sealed class LocalSentryReceived
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedEnvelope> _envelopes = [];
    private readonly List<ReceivedEvent> _events = [];
    private readonly List<ReceivedEvent> _transactions = [];
    private readonly List<ReceivedItem> _sessions = [];
    private readonly List<ReceivedLog> _logs = [];
    private readonly List<ReceivedMetric> _metrics = [];
    private readonly List<ReceivedItem> _clientReports = [];
    private readonly List<ReceivedItem> _attachments = [];
    private readonly List<ReceivedRejection> _rejections = [];
    private TaskCompletionSource _changed = NewSignal();

    internal LocalSentryReceived()
    {
    }

    /// <summary>The envelopes accepted, in arrival order (legacy <c>/store/</c> posts appear as one-item envelopes).</summary>
    public IReadOnlyList<ReceivedEnvelope> Envelopes => Snapshot(_envelopes);

    /// <summary>The error and message events accepted (not transactions), in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Events => Snapshot(_events);

    /// <summary>The transactions accepted, in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Transactions => Snapshot(_transactions);

    /// <summary>The <c>session</c> and <c>sessions</c> (aggregate) items accepted.</summary>
    public IReadOnlyList<ReceivedItem> Sessions => Snapshot(_sessions);

    /// <summary>The structured log entries accepted, from every <c>log</c> item.</summary>
    public IReadOnlyList<ReceivedLog> Logs => Snapshot(_logs);

    /// <summary>The metric samples accepted, from every <c>trace_metric</c> item.</summary>
    public IReadOnlyList<ReceivedMetric> Metrics => Snapshot(_metrics);

    /// <summary>The <c>client_report</c> items accepted (what SDKs said they dropped, and why).</summary>
    public IReadOnlyList<ReceivedItem> ClientReports => Snapshot(_clientReports);

    /// <summary>The attachments accepted, payloads byte for byte.</summary>
    public IReadOnlyList<ReceivedItem> Attachments => Snapshot(_attachments);

    /// <summary>The requests ingestion refused (malformed envelopes, bad auth), with the reasons it answered.</summary>
    public IReadOnlyList<ReceivedRejection> Rejections => Snapshot(_rejections);

    /// <summary>Forgets everything received so far (issues and events already stored stay).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _envelopes.Clear();
            _events.Clear();
            _transactions.Clear();
            _sessions.Clear();
            _logs.Clear();
            _metrics.Clear();
            _clientReports.Clear();
            _attachments.Clear();
            _rejections.Clear();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> error or message events have arrived.</summary>
    /// <param name="count">How many events to wait for.</param>
    /// <param name="timeout">How long to wait; 10 seconds when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The events received (at least <paramref name="count"/>).</returns>
    /// <exception cref="TimeoutException">Fewer events arrived in time; the message says how many.</exception>
    public Task<IReadOnlyList<ReceivedEvent>> WaitForEventsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(r => r.Events, count, "event(s)", timeout, cancellationToken);

    /// <summary>Waits until at least <paramref name="count"/> transactions have arrived.</summary>
    /// <param name="count">How many transactions to wait for.</param>
    /// <param name="timeout">How long to wait; 10 seconds when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The transactions received (at least <paramref name="count"/>).</returns>
    /// <exception cref="TimeoutException">Fewer transactions arrived in time.</exception>
    public Task<IReadOnlyList<ReceivedEvent>> WaitForTransactionsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(r => r.Transactions, count, "transaction(s)", timeout, cancellationToken);

    /// <summary>Waits until at least <paramref name="count"/> envelopes have arrived.</summary>
    /// <param name="count">How many envelopes to wait for.</param>
    /// <param name="timeout">How long to wait; 10 seconds when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The envelopes received (at least <paramref name="count"/>).</returns>
    /// <exception cref="TimeoutException">Fewer envelopes arrived in time.</exception>
    public Task<IReadOnlyList<ReceivedEnvelope>> WaitForEnvelopesAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(r => r.Envelopes, count, "envelope(s)", timeout, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds for what was received, checking after every arrival.</summary>
    /// <param name="condition">The condition, such as <c>r =&gt; r.Logs.Count &gt;= 3</c>.</param>
    /// <param name="timeout">How long to wait; 10 seconds when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public async Task WaitUntilAsync(Func<LocalSentryReceived, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!await TryWaitAsync(condition, timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The condition did not hold within {Describe(timeout)}; received {Summary()}.");
        }
    }

    /// <summary>A one-line count of everything received, for test failure messages.</summary>
    /// <returns>Counts per kind.</returns>
    public override string ToString() => Summary();

    internal void Add(ReceivedEnvelope envelope, IReadOnlyList<ReceivedEvent> events, IReadOnlyList<ReceivedEvent> transactions,
        IReadOnlyList<ReceivedLog> logs, IReadOnlyList<ReceivedMetric> metrics)
    {
        lock (_lock)
        {
            _envelopes.Add(envelope);
            _events.AddRange(events);
            _transactions.AddRange(transactions);
            _logs.AddRange(logs);
            _metrics.AddRange(metrics);
            foreach (var item in envelope.Items)
            {
                switch (item.Type)
                {
                    case "session" or "sessions":
                        _sessions.Add(item);
                        break;
                    case "client_report":
                        _clientReports.Add(item);
                        break;
                    case "attachment":
                        _attachments.Add(item);
                        break;
                }
            }
        }

        Signal();
    }

    internal void Reject(ReceivedRejection rejection)
    {
        lock (_lock)
        {
            _rejections.Add(rejection);
        }

        Signal();
    }

    private async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<LocalSentryReceived, IReadOnlyList<T>> read, int count, string what, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!await TryWaitAsync(r => read(r).Count >= count, timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"Expected {count} {what} within {Describe(timeout)}, received {read(this).Count}; in all {Summary()}.");
        }

        return read(this);
    }

    private async Task<bool> TryWaitAsync(Func<LocalSentryReceived, bool> condition, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return true;
            }

            try
            {
                await changed.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return condition(this);
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private string Summary()
    {
        lock (_lock)
        {
            return $"{_envelopes.Count} envelope(s): {_events.Count} event(s), {_transactions.Count} transaction(s), {_sessions.Count} session item(s), "
                + $"{_logs.Count} log(s), {_metrics.Count} metric(s), {_clientReports.Count} client report(s), {_attachments.Count} attachment(s); "
                + $"{_rejections.Count} rejected";
        }
    }

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static string Describe(TimeSpan? timeout) => $"{(timeout ?? DefaultTimeout).TotalSeconds:0.###} s";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }
}
