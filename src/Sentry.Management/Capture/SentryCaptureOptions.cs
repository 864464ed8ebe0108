using System.IO.Compression;
using Sentry.Management.Capture.Processing;

namespace Sentry.Management;

/// <summary>Settings of a <see cref="SentryCaptureClient"/>; checked by <see cref="Validate"/> when the client is created.</summary>
public sealed class SentryCaptureOptions
{
    /// <summary>The project's DSN, <c>https://{public_key}@{host}/{project_id}</c>. Required.</summary>
    public string? Dsn { get; set; }

    /// <summary>The release (version) events belong to, such as <c>my-app@1.2.3</c>.</summary>
    public string? Release { get; set; }

    /// <summary>The environment, such as <c>production</c>.</summary>
    public string? Environment { get; set; }

    /// <summary>The machine name sent as <c>server_name</c>; none is sent when unset.</summary>
    public string? ServerName { get; set; }

    /// <summary>The share of error and message events kept, from 0 to 1 (default 1).</summary>
    public double SampleRate { get; set; } = 1.0;

    /// <summary>The share of transactions kept, from 0 to 1 (default 0: no transactions).</summary>
    public double TracesSampleRate { get; set; }

    /// <summary>How many breadcrumbs the scope keeps; older ones fall off (default 100).</summary>
    public int MaxBreadcrumbs { get; set; } = 100;

    /// <summary>
    /// Called on a sender thread for each error or message event (on the capturing thread when its queue is full and
    /// the event goes to <see cref="SpoolDirectory"/>); return <see langword="null"/> to drop it. If it throws, the event is sent unchanged.
    /// </summary>
    public Func<ErrorEvent, ErrorEvent?>? BeforeSend { get; set; }

    /// <summary>Called on the calling thread for each breadcrumb; return <see langword="null"/> to drop it. If it throws, the breadcrumb is kept.</summary>
    public Func<SentryBreadcrumb, SentryBreadcrumb?>? BeforeBreadcrumb { get; set; }

    /// <summary>Declarative filters, usually bound from configuration; the first matching rule decides.</summary>
    public IList<SentryFilterRule> FilterRules { get; } = [];

    /// <summary>Send personal data (user email and IP address). Off by default.</summary>
    public bool SendDefaultPii { get; set; }

    /// <summary>Scrub values whose keys look secret and card numbers in text. On by default.</summary>
    public bool ScrubPii { get; set; } = true;

    /// <summary>Key fragments (case-insensitive) whose values are replaced with <c>[Filtered]</c>; extend or replace as needed.</summary>
    public IList<string> ScrubKeys { get; } = ["password", "passwd", "secret", "token", "authorization", "cookie", "api_key", "api-key", "apikey", "credit_card", "card_number"];

    /// <summary>Strings longer than this are cut (default 8192 characters, Sentry's own message limit).</summary>
    public int MaxValueLength { get; set; } = 8192;

    /// <summary>How deep extra and context objects are written; deeper levels are summarised (default 5).</summary>
    public int NormalizeDepth { get; set; } = 5;

    /// <summary>Frame module prefixes that are the application's own code; they win over <see cref="InAppExclude"/>.</summary>
    public IList<string> InAppInclude { get; } = [];

    /// <summary>Frame module prefixes that are not the application's code (default: <c>System.</c>, <c>Microsoft.</c>).</summary>
    public IList<string> InAppExclude { get; } = ["System.", "Microsoft."];

    /// <summary>How many error and message events may wait to be sent (default 1000).</summary>
    public int MaxErrorQueueSize { get; set; } = 1000;

    /// <summary>How many transactions may wait to be sent (default 1000).</summary>
    public int MaxTransactionQueueSize { get; set; } = 1000;

    /// <summary>How many metric values may wait to be sent (default 10000).</summary>
    public int MaxMetricQueueSize { get; set; } = 10_000;

    /// <summary>How many metric values one <c>trace_metric</c> item carries at most (default 100).</summary>
    public int MaxMetricsPerEnvelope { get; set; } = 100;

    /// <summary>
    /// How long a recorded metric value may wait for more to share its envelope (default 5 seconds): a batch goes out
    /// when <see cref="MaxMetricsPerEnvelope"/> values are waiting or its oldest value has waited this long, and a
    /// flush or dispose sends what is waiting at once. Between 1 millisecond and 1 minute.
    /// </summary>
    public TimeSpan MetricBatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many log entries may wait for the sender (default 10000); beyond that they are counted as <c>queue_overflow</c>.</summary>
    public int MaxLogQueueSize { get; set; } = 10_000;

    /// <summary>The most log entries in one <c>log</c> item (default 100, Sentry's limit per envelope is 1000).</summary>
    public int MaxLogsPerEnvelope { get; set; } = 100;

    /// <summary>
    /// How long a log entry may wait for more to share its envelope (default 5 seconds, as Sentry's SDKs do): a batch
    /// goes out when <see cref="MaxLogsPerEnvelope"/> entries are waiting or its oldest entry has waited this long,
    /// whichever comes first, and at once on a flush or dispose. Between 1 millisecond and 1 minute.
    /// </summary>
    public TimeSpan LogBatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many envelopes may be in flight at once (default 64, as in Sentry's JavaScript SDK): a burst drains at about
    /// this many envelopes per round trip to Sentry, so raise it for slow links. A few background workers (half the cores, at least two)
    /// prepare envelopes and start their sends; a send waits for its answer in one of these slots, not on a worker.
    /// Over TLS the sends share one HTTP/2 connection where the server offers it; over plain HTTP/1.1 each is a connection.
    /// </summary>
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>How many times a request that failed with a network error or 5xx is retried (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; it doubles for each further retry (default 1 second).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest one request may take (default 30 seconds), timed on <see cref="TimeProvider"/>.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="SentryCaptureClient.DisposeAsync"/> waits for queued items (default 5 seconds).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The gzip level of request bodies; <see cref="CompressionLevel.NoCompression"/> sends them uncompressed (default
    /// <see cref="CompressionLevel.Fastest"/>: the library's own deflate encoder, pooled so that its tables serve envelope
    /// after envelope, with envelopes about 3 % smaller than zlib level 2's and 22 % smaller than level 1's; bodies over
    /// 1 MB, and the other levels, go to zlib).
    /// </summary>
    public CompressionLevel Compression { get; set; } = CompressionLevel.Fastest;

    /// <summary>
    /// A folder that absorbs what cannot be sent now: captures whose queue is full (written by the capturing thread),
    /// envelopes a rate limit holds back, and sends that failed after their retries. A background drainer sends them,
    /// oldest first, as soon as the link or the limit allows, in the same process; what is left at shutdown is sent
    /// on the next start. None when unset: then such items are discarded and counted in client reports.
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>How many envelopes the spool folder may hold; beyond that they are dropped as <c>queue_overflow</c> (default 10000).</summary>
    public int MaxSpoolFiles { get; set; } = 10_000;

    /// <summary>How many bytes the spool folder may hold; beyond that envelopes are dropped as <c>queue_overflow</c> (default 100 MB).</summary>
    public long MaxSpoolBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Which integrations run (outgoing HTTP, logging); see <see cref="CaptureIntegrationOptions"/>.</summary>
    public CaptureIntegrationOptions Integrations { get; } = new();

    /// <summary>
    /// The outgoing URLs that get <c>sentry-trace</c> and <c>baggage</c> headers. Each entry matches as a
    /// case-insensitive substring of the URL or as a .NET regular expression (<c>localhost</c>,
    /// <c>api.example.com</c>, <c>^https://.*\.example\.com</c>), so each must be a valid regular expression.
    /// None by default: traces are never propagated to hosts you did not list.
    /// </summary>
    public IList<string> TracePropagationTargets { get; } = [];

    /// <summary>
    /// Starts a release-health session when the client is created and ends it (<c>exited</c>) when it is disposed;
    /// errors captured meanwhile mark it errored, an unhandled exception marks it crashed. Needs <see cref="Release"/>
    /// (Sentry drops sessions without one). Off by default; <see cref="SentryCaptureClient.StartSession"/> works either way.
    /// </summary>
    public bool AutoSessionTracking { get; set; }

    /// <summary>
    /// Captures <c>AppDomain.CurrentDomain.UnhandledException</c> and <c>TaskScheduler.UnobservedTaskException</c> as
    /// unhandled errors (<c>mechanism.handled = false</c>), marks the session crashed, and flushes for up to
    /// <see cref="UnhandledFlushTimeout"/> before the process ends. Off by default.
    /// </summary>
    public bool CaptureUnhandledExceptions { get; set; }

    /// <summary>How long an unhandled exception may hold the dying process to deliver what is queued (default 2 s).</summary>
    public TimeSpan UnhandledFlushTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for timestamps, delays and rate limits; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks every setting and throws one exception that names each problem.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Sentry capture options: " + string.Join(" ", problems));
        }
    }

    /// <summary>Every problem, one message each naming the setting; empty when the options are usable.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (!SentryDsn.TryParse(Dsn, out _, out var dsnError))
        {
            problems.Add($"{nameof(Dsn)}: {dsnError}");
        }

        CheckRate(problems, nameof(SampleRate), SampleRate);
        CheckRate(problems, nameof(TracesSampleRate), TracesSampleRate);
        CheckAtLeast(problems, nameof(MaxBreadcrumbs), MaxBreadcrumbs, 0);
        CheckAtLeast(problems, nameof(MaxValueLength), MaxValueLength, 16);
        CheckAtLeast(problems, nameof(NormalizeDepth), NormalizeDepth, 1);
        CheckAtLeast(problems, nameof(MaxErrorQueueSize), MaxErrorQueueSize, 1);
        CheckAtLeast(problems, nameof(MaxTransactionQueueSize), MaxTransactionQueueSize, 1);
        CheckAtLeast(problems, nameof(MaxMetricQueueSize), MaxMetricQueueSize, 1);
        CheckAtLeast(problems, nameof(MaxMetricsPerEnvelope), MaxMetricsPerEnvelope, 1);
        CheckAtLeast(problems, nameof(MaxLogQueueSize), MaxLogQueueSize, 1);
        CheckAtLeast(problems, nameof(MaxLogsPerEnvelope), MaxLogsPerEnvelope, 1);
        if (MaxLogsPerEnvelope > 1000)
        {
            problems.Add($"{nameof(MaxLogsPerEnvelope)} must be at most 1000.");
        }

        CheckBatchInterval(problems, nameof(LogBatchInterval), LogBatchInterval);
        CheckBatchInterval(problems, nameof(MetricBatchInterval), MetricBatchInterval);
        CheckAtLeast(problems, nameof(MaxConcurrentSends), MaxConcurrentSends, 1);
        CheckAtLeast(problems, nameof(MaxRetries), MaxRetries, 0);
        CheckAtLeast(problems, nameof(MaxSpoolFiles), MaxSpoolFiles, 1);
        if (MaxSpoolBytes < 1024)
        {
            problems.Add($"{nameof(MaxSpoolBytes)} must be at least 1024.");
        }

        CheckPositive(problems, nameof(SendTimeout), SendTimeout);
        CheckPositive(problems, nameof(ShutdownTimeout), ShutdownTimeout);
        CheckPositive(problems, nameof(UnhandledFlushTimeout), UnhandledFlushTimeout);
        if (AutoSessionTracking && string.IsNullOrWhiteSpace(Release))
        {
            problems.Add($"{nameof(AutoSessionTracking)} needs {nameof(Release)}: Sentry drops sessions without a release.");
        }
        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromDays(1))
        {
            problems.Add($"{nameof(RetryBaseDelay)} must be between 0 and 1 day.");
        }

        if (TimeProvider is null)
        {
            problems.Add($"{nameof(TimeProvider)} must not be null.");
        }

        if (SpoolDirectory is { } spool && (spool.Length == 0 || spool.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0))
        {
            problems.Add($"{nameof(SpoolDirectory)} is not a valid folder path.");
        }

        for (var i = 0; i < FilterRules.Count; i++)
        {
            ValidateRule(problems, i, FilterRules[i]);
        }

        for (var i = 0; i < TracePropagationTargets.Count; i++)
        {
            if (TracePropagationTargets[i] is not { Length: > 0 } target || !FilterRuleMatcher.IsValidRegex(target))
            {
                problems.Add($"{nameof(TracePropagationTargets)}[{i}] is not a valid regular expression.");
            }
        }

        return problems;
    }

    private static void ValidateRule(List<string> problems, int index, SentryFilterRule? rule)
    {
        var name = $"{nameof(FilterRules)}[{index}]";
        if (rule is null)
        {
            problems.Add($"{name} is null.");
            return;
        }

        if (string.IsNullOrEmpty(rule.Pattern) && string.IsNullOrEmpty(rule.ExceptionType) && string.IsNullOrEmpty(rule.Tag))
        {
            problems.Add($"{name} has no pattern, exceptionType or tag, so it would match every event.");
        }

        if (rule.IsRegex && !string.IsNullOrEmpty(rule.Pattern) && !FilterRuleMatcher.IsValidRegex(rule.Pattern))
        {
            problems.Add($"{name}.pattern is not a valid regular expression.");
        }

        if (rule.Action == SentryFilterAction.Sample)
        {
            CheckRate(problems, name + ".sampleRate", rule.SampleRate);
        }
    }

    private static void CheckRate(List<string> problems, string name, double value)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
        {
            problems.Add($"{name} must be between 0 and 1.");
        }
    }

    private static void CheckAtLeast(List<string> problems, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add($"{name} must be at least {minimum}.");
        }
    }

    private static void CheckBatchInterval(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.FromMilliseconds(1) || value > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{name} must be between 1 millisecond and 1 minute (was {value}).");
        }
    }

    private static void CheckPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive.");
        }
    }
}
