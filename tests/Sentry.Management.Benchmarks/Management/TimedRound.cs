using System.Diagnostics;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// One round of a probe: the same call made <c>calls</c> times in a row, with the whole process's CPU time, the wall
/// time and the thread-pool work items per call (CPU time counts the client's threads and the in-process server's).
/// </summary>
internal static class TimedRound
{
    public static async Task<(double CpuUs, double WallUs, double WorkItems)> RunAsync(Process process, Func<Task> call, int calls)
    {
        var items = ThreadPool.CompletedWorkItemCount;
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var elapsed = wall.Elapsed;
        process.Refresh();
        return (
            (process.TotalProcessorTime - cpu).TotalMicroseconds / calls,
            elapsed.TotalMicroseconds / calls,
            (ThreadPool.CompletedWorkItemCount - items) / (double)calls);
    }

    /// <summary>The facade as users get it, and the same facade without retries and timeouts (no Polly strategy, no deadline), each over its own <paramref name="primary"/> handler when one is given.</summary>
    public static (SentryManagementClient Facade, SentryManagementClient Bare) Clients(Uri baseUrl, string token, Func<HttpMessageHandler>? primary = null) =>
        (new SentryManagementClient(new SentryManagementOptions { BaseUrl = baseUrl, AuthToken = token, Organization = "acme" }, primary?.Invoke()),
         new SentryManagementClient(
             new SentryManagementOptions
             {
                 BaseUrl = baseUrl,
                 AuthToken = token,
                 Organization = "acme",
                 MaxRetries = 0,
                 Timeout = Timeout.InfiniteTimeSpan,
                 AttemptTimeout = Timeout.InfiniteTimeSpan,
             },
             primary?.Invoke()));
}
