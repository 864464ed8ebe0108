using System.IO.Compression;
using Microsoft.Extensions.Configuration;
using Sentry.Management.Capture.Processing;

namespace Sentry.Management.DependencyInjection;

/// <summary>
/// The one way this library reads configuration: the <c>Sentry</c> section of <c>appsettings.json</c>, in the shape
/// Sentry's SDKs document (<c>dsn</c>, <c>organization</c>, <c>authToken</c>, <c>beforeSend</c>, <c>integrations</c>,
/// <c>performance</c>...), into both <see cref="SentryManagementOptions"/> and <see cref="SentryCaptureOptions"/>.
/// Written by hand: no reflection (trimming and Native AOT stay warning-free), every key is known, and every
/// problem is reported with its full path in one <see cref="SentryConfigurationReport"/>.
/// </summary>
internal static class SentryConfigurationBinder
{
    private static readonly Dictionary<string, EventLevel> LevelAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["warn"] = EventLevel.Warning,
        ["log"] = EventLevel.Info,
        ["trace"] = EventLevel.Debug,
        ["critical"] = EventLevel.Fatal,
    };

    /// <summary>Whether the section configures a DSN, which is what turns capture on.</summary>
    public static bool HasDsn(IConfiguration section) => !string.IsNullOrWhiteSpace(section["dsn"]);

    /// <summary>Binds <paramref name="section"/> into whichever options are given and returns what was wrong.</summary>
    public static SentryConfigurationReport Bind(IConfiguration section, SentryManagementOptions? management, SentryCaptureOptions? capture)
    {
        ArgumentNullException.ThrowIfNull(section);
        var report = new SentryConfigurationReport();
        var root = new ConfigurationNode(section, report);
        BindCommon(root, management, capture);
        BindBeforeSend(root.Child("beforeSend"), capture);
        BindIntegrations(root.Child("integrations"), capture);
        BindPerformance(root.Child("performance"), capture);
        BindManagement(root.Child("management"), management);
        BindCapture(root.Child("capture"), capture);
        root.NotSupported("profilesSampleRate", "Sentry.Management has no profiler");
        root.NotSupported("replaysSessionSampleRate", "session replay records browsers, not .NET processes");
        root.NotSupported("replaysOnErrorSampleRate", "session replay records browsers, not .NET processes");
        root.NotSupported("debug", "diagnostics go to ILogger: set the level of the Sentry.Management log categories instead");
        root.CheckUnknownKeys();
        return report;
    }

    private static void BindCommon(ConfigurationNode node, SentryManagementOptions? management, SentryCaptureOptions? capture)
    {
        if (node.String("dsn") is { } dsn)
        {
            if (SentryDsn.TryParse(dsn, out _, out var problem))
            {
                capture?.Dsn = dsn;
            }
            else
            {
                node.Report.Error(node.PathOf("dsn"), problem!.TrimEnd('.'));
            }
        }

        if (node.String("authToken") is { } token)
        {
            management?.AuthToken = token;
        }

        if (node.String("organization") is { } organization)
        {
            management?.Organization = organization;
        }

        var url = node.AbsoluteUri("url");
        var baseUrl = node.AbsoluteUri("baseUrl");
        if (url is not null && baseUrl is not null)
        {
            node.Report.Error(node.PathOf("url"), "and 'baseUrl' are the same setting; keep one");
        }
        else if ((url ?? baseUrl) is { } address)
        {
            management?.BaseUrl = address;
        }

        // Read into a throwaway when only checking, so every value is still validated.
        capture ??= new SentryCaptureOptions();
        capture.Environment = node.String("environment") ?? capture.Environment;
        capture.Release = node.String("release") ?? capture.Release;
        capture.ServerName = node.String("serverName") ?? capture.ServerName;
        capture.SampleRate = node.Rate("sampleRate") ?? capture.SampleRate;
        capture.SendDefaultPii = node.Bool("sendDefaultPii") ?? capture.SendDefaultPii;
        capture.MaxBreadcrumbs = node.Int("maxBreadcrumbs", 0) ?? capture.MaxBreadcrumbs;
        capture.AutoSessionTracking = node.Bool("autoSessionTracking") ?? capture.AutoSessionTracking;
        capture.CaptureUnhandledExceptions = node.Bool("captureUnhandledExceptions") ?? capture.CaptureUnhandledExceptions;
        capture.UnhandledFlushTimeout = node.Duration("unhandledFlushTimeout") ?? capture.UnhandledFlushTimeout;
    }

    private static void BindBeforeSend(ConfigurationNode node, SentryCaptureOptions? capture)
    {
        var enabled = node.Bool("enabled") ?? true;
        var rules = new List<SentryFilterRule>();
        foreach (var rule in node.Objects("filterRules"))
        {
            if (ReadRule(rule) is { } read)
            {
                rules.Add(read);
            }
        }

        node.CheckUnknownKeys();
        if (enabled && capture is not null)
        {
            foreach (var rule in rules)
            {
                capture.FilterRules.Add(rule);
            }
        }
    }

    private static SentryFilterRule? ReadRule(ConfigurationNode node)
    {
        var errors = node.Report.Errors.Count;
        var rule = new SentryFilterRule
        {
            Type = node.Enum<SentryFilterTarget>("type") ?? SentryFilterTarget.Any,
            Pattern = node.String("pattern"),
            IsRegex = node.Bool("isRegex") ?? false,
            ExceptionType = node.String("exceptionType"),
            Tag = node.String("tag"),
            TagValue = node.String("tagValue"),
            Action = node.Enum<SentryFilterAction>("action") ?? SentryFilterAction.Ignore,
            SampleRate = node.Rate("sampleRate") ?? 1.0,
        };
        node.CheckUnknownKeys();
        if (rule.Pattern is null && rule.ExceptionType is null && rule.Tag is null)
        {
            node.Report.Error(node.Path, "has no pattern, exceptionType or tag, so it would match every event");
        }

        if (rule.IsRegex && rule.Pattern is { } pattern && !FilterRuleMatcher.IsValidRegex(pattern))
        {
            node.Report.Error(node.PathOf("pattern"), $"'{pattern}' is not a valid regular expression");
        }

        return node.Report.Errors.Count == errors ? rule : null;
    }

    private static void BindIntegrations(ConfigurationNode node, SentryCaptureOptions? capture)
    {
        var http = node.Child("http");
        var httpOptions = capture?.Integrations.Http ?? new HttpIntegrationOptions();
        httpOptions.Enabled = http.Bool("enabled") ?? httpOptions.Enabled;
        httpOptions.Breadcrumbs = http.Bool("breadcrumbs") ?? httpOptions.Breadcrumbs;
        httpOptions.Tracing = http.Bool("tracing") ?? httpOptions.Tracing;
        http.CheckUnknownKeys();

        var console = node.Child("console");
        var consoleOptions = capture?.Integrations.Console ?? new ConsoleIntegrationOptions();
        consoleOptions.Enabled = console.Bool("enabled") ?? consoleOptions.Enabled;
        var levels = new List<EventLevel>();
        var listed = false;
        foreach (var (path, text) in console.List("levels"))
        {
            listed = true;
            if (console.ParseEnum(path, text, LevelAliases) is { } level && !levels.Contains(level))
            {
                levels.Add(level);
            }
        }

        if (listed)
        {
            consoleOptions.Levels.Clear();
            foreach (var level in levels)
            {
                consoleOptions.Levels.Add(level);
            }
        }

        console.CheckUnknownKeys();
        node.CheckUnknownKeys();
    }

    private static void BindPerformance(ConfigurationNode node, SentryCaptureOptions? capture)
    {
        var enabled = node.Bool("enabled");
        var rate = node.Rate("sampleRate");
        var targets = new List<string>();
        foreach (var (path, target) in node.List("tracePropagationTargets"))
        {
            if (target.Length > 0 && FilterRuleMatcher.IsValidRegex(target))
            {
                targets.Add(target);
            }
            else
            {
                node.Report.Error(path, $"'{target}' is neither a plain host or URL fragment nor a valid regular expression");
            }
        }

        node.CheckUnknownKeys();
        if (capture is null)
        {
            return;
        }

        // performance.sampleRate is the traces sample rate; enabled without a rate traces everything, disabled nothing.
        capture.TracesSampleRate = enabled == false ? 0 : rate ?? (enabled == true ? 1.0 : capture.TracesSampleRate);
        foreach (var target in targets)
        {
            capture.TracePropagationTargets.Add(target);
        }
    }

    private static void BindManagement(ConfigurationNode node, SentryManagementOptions? management)
    {
        var target = management ?? new SentryManagementOptions();
        target.AllowInsecureTransport = node.Bool("allowInsecureTransport") ?? target.AllowInsecureTransport;
        target.Timeout = node.Duration("timeout") ?? target.Timeout;
        target.AttemptTimeout = node.Duration("attemptTimeout") ?? target.AttemptTimeout;
        target.MaxRetries = node.Int("maxRetries", 0, 10) ?? target.MaxRetries;
        target.RetryBaseDelay = node.Duration("retryBaseDelay") ?? target.RetryBaseDelay;
        target.MaxRetryDelay = node.Duration("maxRetryDelay") ?? target.MaxRetryDelay;
        target.MaxRateLimitWait = node.Duration("maxRateLimitWait", allowZero: true) ?? target.MaxRateLimitWait;
        target.MaxConcurrentRequests = node.Int("maxConcurrentRequests", 1, 100) ?? target.MaxConcurrentRequests;
        target.PageSize = node.Int("pageSize", 1, 100) ?? target.PageSize;
        node.CheckUnknownKeys();
    }

    private static void BindCapture(ConfigurationNode node, SentryCaptureOptions? capture)
    {
        var target = capture ?? new SentryCaptureOptions();
        target.ScrubPii = node.Bool("scrubPii") ?? target.ScrubPii;
        AddAll(node, "scrubKeys", target.ScrubKeys);
        AddAll(node, "inAppInclude", target.InAppInclude);
        AddAll(node, "inAppExclude", target.InAppExclude);
        target.MaxValueLength = node.Int("maxValueLength", 16) ?? target.MaxValueLength;
        target.NormalizeDepth = node.Int("normalizeDepth", 1) ?? target.NormalizeDepth;
        target.MaxErrorQueueSize = node.Int("maxErrorQueueSize", 1) ?? target.MaxErrorQueueSize;
        target.MaxTransactionQueueSize = node.Int("maxTransactionQueueSize", 1) ?? target.MaxTransactionQueueSize;
        target.MaxMetricQueueSize = node.Int("maxMetricQueueSize", 1) ?? target.MaxMetricQueueSize;
        target.MaxMetricsPerEnvelope = node.Int("maxMetricsPerEnvelope", 1) ?? target.MaxMetricsPerEnvelope;
        target.MetricBatchInterval = node.Duration("metricBatchInterval") ?? target.MetricBatchInterval;
        target.MaxLogQueueSize = node.Int("maxLogQueueSize", 1) ?? target.MaxLogQueueSize;
        target.MaxLogsPerEnvelope = node.Int("maxLogsPerEnvelope", 1, 1000) ?? target.MaxLogsPerEnvelope;
        target.LogBatchInterval = node.Duration("logBatchInterval") ?? target.LogBatchInterval;
        target.MaxConcurrentSends = node.Int("maxConcurrentSends", 1) ?? target.MaxConcurrentSends;
        target.MaxRetries = node.Int("maxRetries", 0) ?? target.MaxRetries;
        target.RetryBaseDelay = node.Duration("retryBaseDelay", allowZero: true) ?? target.RetryBaseDelay;
        target.SendTimeout = node.Duration("sendTimeout") ?? target.SendTimeout;
        target.ShutdownTimeout = node.Duration("shutdownTimeout") ?? target.ShutdownTimeout;
        target.Compression = node.Enum<CompressionLevel>("compression") ?? target.Compression;
        target.SpoolDirectory = node.String("spoolDirectory") ?? target.SpoolDirectory;
        target.MaxSpoolFiles = node.Int("maxSpoolFiles", 1) ?? target.MaxSpoolFiles;
        target.MaxSpoolBytes = node.Long("maxSpoolBytes", 1024) ?? target.MaxSpoolBytes;
        node.CheckUnknownKeys();
    }

    private static void AddAll(ConfigurationNode node, string key, IList<string> target)
    {
        foreach (var (_, value) in node.List(key))
        {
            if (value.Length > 0 && !target.Contains(value))
            {
                target.Add(value);
            }
        }
    }
}
