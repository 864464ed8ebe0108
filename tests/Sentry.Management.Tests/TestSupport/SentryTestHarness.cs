using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Sentry.Management.Tests.TestSupport;

/// <summary>
/// A <see cref="SentryManagementClient"/> over MockHttp with a fake clock: the real pipeline (auth, errors, retries,
/// rate limits) runs, only the network is replaced.
/// </summary>
internal sealed class SentryTestHarness : IDisposable
{
    internal const string Token = "sntrys_TEST-TOKEN-must-never-leak-0123456789abcdef";
    internal const string BaseUrl = "https://sentry.example.com";

    internal SentryTestHarness(Action<SentryManagementOptions>? configure = null, HttpMessageHandler? primary = null)
    {
        Options = new SentryManagementOptions
        {
            AuthToken = Token,
            BaseUrl = new Uri(BaseUrl),
            Organization = "acme",
            RetryBaseDelay = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(Options);
        Client = new SentryManagementClient(Options, primary ?? Mock, Time);
    }

    internal MockHttpMessageHandler Mock { get; } = new();

    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    internal SentryManagementOptions Options { get; }

    internal SentryManagementClient Client { get; }

    internal static string Url(string path) => BaseUrl + path;

    internal static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? link = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (link is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", link);
        }

        return response;
    }

    /// <summary>Sentry's Link header for a page: previous without results, next with or without.</summary>
    internal static string Link(string path, string nextCursor, bool hasNext) =>
        $"<{BaseUrl}{path}?&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", "
        + $"<{BaseUrl}{path}?&cursor={nextCursor}>; rel=\"next\"; results=\"{(hasNext ? "true" : "false")}\"; cursor=\"{nextCursor}\"";

    /// <summary>
    /// Advances the fake clock in steps until <paramref name="task"/> completes: the pipeline's waits
    /// (backoff, Retry-After, timeouts) elapse without real sleeping.
    /// </summary>
    internal async Task<T> RunAsync<T>(Task<T> task, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1).ConfigureAwait(false); // let continuations register their timers
            if (!task.IsCompleted)
            {
                Time.Advance(step);
            }
        }

        return await task.ConfigureAwait(false);
    }

    internal async Task RunAsync(Task task, TimeSpan step, int maxSteps = 1000) =>
        await RunAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step, maxSteps).ConfigureAwait(false);

    public void Dispose()
    {
        Client.Dispose();
        Mock.Dispose();
    }
}
