using System.IO.Compression;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The same inputs for both SDKs: distinct, really thrown exceptions (plain, a 3-deep inner chain, an
/// AggregateException of 3), 5 tags, 3 extras, a user, 10 breadcrumbs, a fingerprint with <c>{{ default }}</c>,
/// release and environment, gzip at the fastest level on both sides.
/// </summary>
internal static class Workload
{
    public const string Release = "bench@1.0.0";
    public const string Environment = "benchmark";
    public static readonly string[] Fingerprint = ["{{ default }}", "benchmark"];

    public static Exception[] ThrownExceptions(int count)
    {
        var result = new Exception[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (i % 3) switch
            {
                0 => Throw(() => throw new InvalidOperationException($"plain {i}")),
                1 => Throw(() => Level1(i)),
                _ => Throw(() => throw new AggregateException(
                    $"aggregate {i}",
                    Throw(() => throw new TimeoutException($"a {i}")),
                    Throw(() => throw new ArgumentException($"b {i}")),
                    Throw(() => throw new FormatException($"c {i}")))),
            };
        }

        return result;
    }

    public static Ours.SentryCaptureClient CreateOurs(string dsn, int queue, int? concurrency = null, HttpMessageHandler? handler = null, Action<Ours.SentryCaptureOptions>? configure = null)
    {
        var options = new Ours.SentryCaptureOptions
        {
            Dsn = dsn,
            Release = Release,
            Environment = Environment,
            Compression = CompressionLevel.Fastest,
            MaxErrorQueueSize = queue,
        };
        if (concurrency is { } c)
        {
            options.MaxConcurrentSends = c;
        }

        configure?.Invoke(options);

        var client = new Ours.SentryCaptureClient(options, handler);
        for (var i = 0; i < 10; i++)
        {
            client.Scope.AddBreadcrumb($"breadcrumb {i}", "bench");
        }

        return client;
    }

    public static IDisposable InitTheirs(string dsn, int queue, Action<SentryOptions>? configure = null)
    {
        var sdk = SentrySdk.Init(o =>
        {
            o.Dsn = dsn;
            o.Release = Release;
            o.Environment = Environment;
            o.RequestBodyCompressionLevel = CompressionLevel.Fastest;
            o.MaxQueueItems = queue;
            o.AutoSessionTracking = false;
            o.DisableDuplicateEventDetection();
            configure?.Invoke(o);
        });
        for (var i = 0; i < 10; i++)
        {
            SentrySdk.AddBreadcrumb($"breadcrumb {i}", "bench");
        }

        return sdk;
    }

    public static Guid CaptureOurs(Ours.SentryCaptureClient client, Exception exception) =>
        client.CaptureException(exception, ConfigureOurs);

    /// <summary>What <see cref="CaptureOurs"/> adds to each event (also used to build events for the preparation benchmark).</summary>
    public static void ConfigureOurs(Ours.ErrorEvent e)
    {
        e.Tags["tag1"] = "value1";
        e.Tags["tag2"] = "value2";
        e.Tags["tag3"] = "value3";
        e.Tags["tag4"] = "value4";
        e.Tags["tag5"] = "value5";
        e.Extra["extra1"] = 42;
        e.Extra["extra2"] = "some text";
        e.Extra["extra3"] = 3.14;
        e.User = new Ours.CaptureUser { Id = "user-1", Username = "bench" };
        e.Fingerprint = Fingerprint;
    }

    /// <summary>The same event as <see cref="CaptureOurs"/>, written as the fluent chain.</summary>
    public static Guid CaptureOursFluent(Ours.SentryCaptureClient client, Exception exception) =>
        client.Exception(exception)
            .Tag("tag1", "value1")
            .Tag("tag2", "value2")
            .Tag("tag3", "value3")
            .Tag("tag4", "value4")
            .Tag("tag5", "value5")
            .Extra("extra1", 42)
            .Extra("extra2", "some text")
            .Extra("extra3", 3.14)
            .User(id: "user-1", username: "bench")
            .Fingerprint(Fingerprint)
            .Capture();

    public static SentryId CaptureTheirs(Exception exception) =>
        SentrySdk.CaptureException(exception, static scope =>
        {
            scope.SetTag("tag1", "value1");
            scope.SetTag("tag2", "value2");
            scope.SetTag("tag3", "value3");
            scope.SetTag("tag4", "value4");
            scope.SetTag("tag5", "value5");
            scope.SetExtra("extra1", 42);
            scope.SetExtra("extra2", "some text");
            scope.SetExtra("extra3", 3.14);
            scope.User = new SentryUser { Id = "user-1", Username = "bench" };
            scope.SetFingerprint(Fingerprint);
        });

    private static void Level1(int i)
    {
        try
        {
            Level2(i);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"outer {i}", ex);
        }
    }

    private static void Level2(int i)
    {
        try
        {
            Level3(i);
        }
        catch (Exception ex)
        {
            throw new IOException($"middle {i}", ex);
        }
    }

    private static void Level3(int i) => throw new TimeoutException($"inner {i}");

    private static Exception Throw(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("did not throw");
    }
}
