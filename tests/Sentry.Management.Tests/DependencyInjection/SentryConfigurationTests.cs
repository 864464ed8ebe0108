using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.DependencyInjection;

/// <summary>The seed's <c>Sentry</c> block, bound unchanged by one call that registers management and capture.</summary>
public class SentryConfigurationTests
{
    // The seed's configuration block, as an app's appsettings.json holds it (the token is an obviously fake one).
    private const string SeedJson = """
        { "Sentry": {
          "dsn": "https://examplePublicKey@o0.ingest.sentry.io/0",
          "organization": "my-org",
          "authToken": "fake-fake_token_for_tests",
          "environment": "production",
          "release": "my-app@1.0.0",
          "serverName": "web-1",
          "beforeSend": { "enabled": true, "filterRules": [
            { "type": "message", "pattern": "ResizeObserver loop", "action": "ignore" },
            { "type": "exception", "pattern": "TimeoutException", "action": "sample", "sampleRate": 0.5 } ] },
          "integrations": { "http": { "enabled": true, "breadcrumbs": true, "tracing": true }, "console": { "enabled": true, "levels": ["error", "warn"] } },
          "performance": { "enabled": true, "sampleRate": 0.1, "tracePropagationTargets": ["localhost", "api.example.com", "^https://.*\\.example\\.com"] },
          "profilesSampleRate": 0.1
        } }
        """;

    [Test]
    public async Task The_seed_block_binds_into_management_and_capture_with_one_call()
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs));
        var builder = services.AddSentryManagement(Json(SeedJson).GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var management = provider.GetRequiredService<IOptions<SentryManagementOptions>>().Value;
        var capture = provider.GetRequiredService<SentryCaptureClient>();
        var options = capture.Options;

        Assert.Multiple(() =>
        {
            Assert.That(builder, Is.Not.Null);
            Assert.That(management.AuthToken, Is.EqualTo("fake-fake_token_for_tests"));
            Assert.That(management.Organization, Is.EqualTo("my-org"));
            Assert.That(capture.Dsn.PublicKey, Is.EqualTo("examplePublicKey"));
            Assert.That(capture.Dsn.ProjectId, Is.EqualTo("0"));
            Assert.That((options.Environment, options.Release, options.ServerName), Is.EqualTo(("production", "my-app@1.0.0", "web-1")));
            Assert.That(options.FilterRules, Has.Count.EqualTo(2));
            Assert.That((options.FilterRules[0].Type, options.FilterRules[0].Pattern, options.FilterRules[0].Action), Is.EqualTo((SentryFilterTarget.Message, "ResizeObserver loop", SentryFilterAction.Ignore)));
            Assert.That((options.FilterRules[1].Type, options.FilterRules[1].Action, options.FilterRules[1].SampleRate), Is.EqualTo((SentryFilterTarget.Exception, SentryFilterAction.Sample, 0.5)));
            Assert.That(options.Integrations.Http.Enabled && options.Integrations.Http.Breadcrumbs && options.Integrations.Http.Tracing, Is.True);
            Assert.That(options.Integrations.Console.Enabled, Is.True);
            Assert.That(options.Integrations.Console.Levels, Is.EqualTo(new[] { EventLevel.Error, EventLevel.Warning }));
            Assert.That(options.TracesSampleRate, Is.EqualTo(0.1));
            Assert.That(options.TracePropagationTargets, Is.EqualTo(new[] { "localhost", "api.example.com", "^https://.*\\.example\\.com" }));
        });

        var notSupported = logs.Messages.Where(m => m.Contains("is not supported", StringComparison.Ordinal)).ToList();
        Assert.That(notSupported.Count(m => m.Contains("'Sentry:profilesSampleRate'", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", logs.Messages));
        Assert.That(logs.Messages, Has.None.Contains("fake-fake_token_for_tests"), "the token must never be logged");

        // Validating again (another options consumer, a second start check) does not log again.
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.That(logs.Messages.Count(m => m.Contains("profilesSampleRate", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Session_and_unhandled_error_settings_bind_and_a_bad_duration_is_named()
    {
        var options = new SentryCaptureOptions();
        var report = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(
            Json("""{ "Sentry": { "release": "app@1.0.0", "autoSessionTracking": true, "captureUnhandledExceptions": true, "unhandledFlushTimeout": "00:00:05" } }""").GetSection("Sentry"), null, options);
        var bad = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(
            Json("""{ "Sentry": { "unhandledFlushTimeout": "soon" } }""").GetSection("Sentry"), null, new SentryCaptureOptions());

        Assert.Multiple(() =>
        {
            Assert.That(report.Errors, Is.Empty);
            Assert.That((options.AutoSessionTracking, options.CaptureUnhandledExceptions, options.UnhandledFlushTimeout), Is.EqualTo((true, true, TimeSpan.FromSeconds(5))));
            Assert.That(bad.Errors, Has.Some.Contains("Sentry:unhandledFlushTimeout"));
        });
    }

    [Test]
    public void Log_and_metric_batch_bounds_bind_from_the_capture_block_and_a_bad_value_is_named()
    {
        // These keys were once missing from the binder, so the unknown-key check rejected them.
        var options = new SentryCaptureOptions();
        var report = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(
            Json("""{ "Sentry": { "capture": { "maxLogQueueSize": 500, "maxLogsPerEnvelope": 50, "logBatchInterval": "00:00:02", "maxMetricsPerEnvelope": 20, "metricBatchInterval": "00:00:10" } } }""").GetSection("Sentry"), null, options);
        var bad = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(
            Json("""{ "Sentry": { "capture": { "maxLogsPerEnvelope": 5000, "metricBatchInterval": "soon" } } }""").GetSection("Sentry"), null, new SentryCaptureOptions());

        Assert.Multiple(() =>
        {
            Assert.That(report.Errors, Is.Empty);
            Assert.That((options.MaxLogQueueSize, options.MaxLogsPerEnvelope, options.LogBatchInterval), Is.EqualTo((500, 50, TimeSpan.FromSeconds(2))));
            Assert.That((options.MaxMetricsPerEnvelope, options.MetricBatchInterval), Is.EqualTo((20, TimeSpan.FromSeconds(10))));
            Assert.That(bad.Errors, Has.Some.Contains("Sentry:capture:maxLogsPerEnvelope '5000'"));
            Assert.That(bad.Errors, Has.Some.Contains("Sentry:capture:metricBatchInterval 'soon'"));
        });
    }

    [Test]
    public void Spool_bounds_bind_from_the_capture_block_and_a_bad_byte_bound_is_named()
    {
        var options = new SentryCaptureOptions();
        var report = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(
            Json("""{ "Sentry": { "capture": { "spoolDirectory": "/tmp/spool", "maxSpoolFiles": 50, "maxSpoolBytes": 5000000000 } } }""").GetSection("Sentry"), null, options);
        var bad = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(
            Json("""{ "Sentry": { "capture": { "maxSpoolBytes": "lots" } } }""").GetSection("Sentry"), null, new SentryCaptureOptions());

        Assert.Multiple(() =>
        {
            Assert.That(report.Errors, Is.Empty);
            Assert.That((options.SpoolDirectory, options.MaxSpoolFiles, options.MaxSpoolBytes), Is.EqualTo(("/tmp/spool", 50, 5_000_000_000L)));
            Assert.That(bad.Errors, Has.Some.Contains("Sentry:capture:maxSpoolBytes 'lots'"));
        });
    }

    [Test]
    public void The_seed_filter_rules_decide_as_the_seed_means()
    {
        var options = new SentryCaptureOptions();
        var report = Sentry.Management.DependencyInjection.SentryConfigurationBinder.Bind(Json(SeedJson).GetSection("Sentry"), null, options);

        Assert.That(report.Errors, Is.Empty);
        var matcher = new Sentry.Management.Capture.Processing.FilterRuleMatcher(options.FilterRules);
        var scope = Sentry.Management.Capture.ScopeState.Empty;
        Assert.That(matcher.Evaluate(new ErrorEvent { Message = "ResizeObserver loop limit exceeded" }, scope), Is.EqualTo(Sentry.Management.Capture.Processing.FilterDecision.Ignore));
        Assert.That(matcher.Evaluate(new ErrorEvent { Message = "checkout failed" }, scope), Is.EqualTo(Sentry.Management.Capture.Processing.FilterDecision.Keep));
        var timeouts = Enumerable.Range(0, 400).Select(_ => matcher.Evaluate(new ErrorEvent { Exception = new TimeoutException("slow") }, scope)).ToList();
        Assert.That(timeouts, Has.Some.EqualTo(Sentry.Management.Capture.Processing.FilterDecision.SampledOut).And.Some.EqualTo(Sentry.Management.Capture.Processing.FilterDecision.Keep));
    }

    [Test]
    public async Task Unknown_keys_and_bad_values_fail_the_start_once_naming_each_path()
    {
        var json = """
            { "Sentry": {
              "dsn": "https://examplePublicKey@o0.ingest.sentry.io/0",
              "authToken": "fake-fake_token_for_tests",
              "enviroment": "production",
              "sampleRate": "often",
              "beforeSend": { "filterRules": [ { "type": "message", "pattern": "x", "action": "explode" }, { "action": "ignore" } ] },
              "integrations": { "http": { "enabled": "yes", "tracng": true }, "console": { "levels": ["error", "loud"] } },
              "performance": { "sampleRate": 2, "tracePropagationTargets": ["localhost", "([unclosed"] },
              "management": { "timeout": "soon" },
              "capture": { "maxConcurrentSends": 0 }
            } }
            """;
        var services = new ServiceCollection();
        services.AddSentryManagement(Json(json).GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(error.Failures.ToList(), Has.Count.EqualTo(11), string.Join("\n", error.Failures));
        Assert.Multiple(() =>
        {
            foreach (var path in (string[])[
                "Sentry:enviroment is not a known setting", "Sentry:sampleRate 'often'", "Sentry:beforeSend:filterRules:0:action 'explode' must be one of ignore, sample",
                "Sentry:beforeSend:filterRules:1 has no pattern", "Sentry:integrations:http:enabled 'yes' must be true or false", "Sentry:integrations:http:tracng is not a known setting",
                "Sentry:integrations:console:levels:1 'loud'", "Sentry:performance:sampleRate '2' must be a number between 0 and 1",
                "Sentry:performance:tracePropagationTargets:1 '([unclosed'", "Sentry:management:timeout 'soon'", "Sentry:capture:maxConcurrentSends '0' must be at least 1"])
            {
                Assert.That(error.Failures, Has.Some.StartsWith(path), path);
            }

            Assert.That(error.Message, Does.Not.Contain("fake-fake_token_for_tests"));
        });
    }

    [Test]
    public async Task Without_a_dsn_only_management_is_registered()
    {
        var services = new ServiceCollection();
        services.AddSentryManagement(Json("""{ "Sentry": { "authToken": "fake-fake_token_for_tests" } }""").GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.That(provider.GetService<SentryCaptureClient>(), Is.Null);
    }

    [Test]
    public async Task Code_settings_chain_on_the_builder_after_the_configuration()
    {
        Func<ErrorEvent, ErrorEvent?> beforeSend = e => e;
        var services = new ServiceCollection();
        services.AddSentryManagement(Json(SeedJson).GetSection("Sentry"))
            .ConfigureCapture(o =>
            {
                o.BeforeSend = beforeSend;
                o.Release = "my-app@1.0.1";
            });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<SentryCaptureClient>().Options;
        Assert.That(options.BeforeSend, Is.SameAs(beforeSend));
        Assert.That(options.Release, Is.EqualTo("my-app@1.0.1"));
        Assert.That(options.Environment, Is.EqualTo("production"));
    }

    [Test]
    public async Task Performance_disabled_means_no_traces_and_enabled_without_a_rate_means_all()
    {
        static async Task<double> RateAsync(string performance)
        {
            var services = new ServiceCollection();
            services.AddSentryCapture(Json($$"""{ "Sentry": { "dsn": "https://key@o0.ingest.sentry.io/0", "performance": {{performance}} } }""").GetSection("Sentry"));
            await using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<SentryCaptureClient>().Options.TracesSampleRate;
        }

        Assert.That(await RateAsync("""{ "enabled": false, "sampleRate": 0.5 }"""), Is.Zero);
        Assert.That(await RateAsync("""{ "enabled": true }"""), Is.EqualTo(1.0));
        Assert.That(await RateAsync("""{ "sampleRate": 0.25 }"""), Is.EqualTo(0.25));
    }

    [Test]
    public async Task Capture_only_reports_the_section_problems_itself()
    {
        var services = new ServiceCollection();
        services.AddSentryCapture(Json("""{ "Sentry": { "dsn": "https://key@o0.ingest.sentry.io/0", "performanse": {} } }""").GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;
        Assert.That(error.Failures.ToList(), Has.Count.EqualTo(1).And.Some.StartsWith("Sentry:performanse is not a known setting"));
    }

    [Test]
    public async Task A_malformed_dsn_is_named_by_its_path_without_its_secret()
    {
        var services = new ServiceCollection();
        services.AddSentryManagement(Json("""{ "Sentry": { "authToken": "fake-fake_token_for_tests", "dsn": "https://public:topsecret@o0.ingest.sentry.io/not-a-project" } }""").GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;
        Assert.That(error.Failures.ToList(), Has.Count.EqualTo(1).And.Some.StartsWith("Sentry:dsn"));
        Assert.That(error.Message, Does.Not.Contain("topsecret"));
    }

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
