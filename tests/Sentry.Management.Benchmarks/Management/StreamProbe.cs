using System.Diagnostics;
using System.Globalization;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Walks 1,000, 10,000 and 100,000 issues (or the counts given) through the facade's pageable, pages of 100, from a
/// loopback server that serves pages with Link cursors until the count is reached. Each count is walked twice: once
/// timed, sampling the managed heap (<see cref="GC.GetTotalMemory"/> without collecting, garbage included) after
/// every page; once with a full collection every 10 pages, whose peak is what the walk keeps alive.
/// </summary>
/// <remarks>
/// Time per item only says something once tiered compilation has settled: after the first round's 2,000 issues the
/// pipeline's hot methods were still at tier 0 (a first walk of 100,000 took 14.9 us per item, the same walk last
/// 12.5 us, a last walk of 1,000 5.5 us). So single pages are walked until the JIT has compiled nothing for a second,
/// and the counts are then walked twice, in the order given and reversed, so a drift over the run shows as a
/// difference between the passes rather than between the counts.
/// </remarks>
internal static class StreamProbe
{
    private const int PageSize = 100;

    /// <summary>Issues walked per count for the median: one walk of 100,000, ten of 10,000, a hundred of 1,000.</summary>
    private const int Repeated = 100_000;

    public static async Task RunAsync(IReadOnlyList<int> counts)
    {
        // The server answers any cursor with the same prebuilt page (ids repeat; the client keeps none of them), so its
        // own cost per page is one send.
        var page = CannedBodies.IssuePage(7000000001, PageSize);
        var total = 0;
        CannedApiServer? server = null;
        server = new CannedApiServer(target =>
        {
            var index = CursorIndex(target);
            var next = (index + 1) * PageSize < Volatile.Read(ref total) ? $"0:{index + 1}:0" : null;
            return new CannedResponse(page, CannedBodies.Link(server!.Url, "api/0/projects/acme/backend/issues/", $"0:{index}:0", next));
        });
        await using var _ = server;
        using var client = new SentryManagementClient(new SentryManagementOptions
        {
            BaseUrl = server.Url,
            AuthToken = "fake-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab",
            Organization = "acme",
        });
        var issues = client.Organization("acme").Project("backend").Issues;

        // Warm-up: the connection, then single pages until the JIT settles.
        Volatile.Write(ref total, 2000);
        await WalkAsync(issues, sampleEvery: 0);
        Volatile.Write(ref total, PageSize);
        var settlePages = await LoopbackSpreadProbe.SettleAsync([async () => await WalkAsync(issues, sampleEvery: 0)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JIT settled after {settlePages} more pages ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled); load average {PipelineServer.LoadAverage()}"));

        Console.WriteLine("| pass | issues | pages | us/item, first walk | us/item, median walk (walks) | peak heap, not collected (MB) | peak live, collected every 10 pages (MB) | live after the walk (MB) | gen0/1/2 GCs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (pass, count) in counts.Select(c => (1, c)).Concat(counts.Reverse().Select(c => (2, c))))
        {
            Volatile.Write(ref total, count);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var timer = Stopwatch.StartNew();
            var timed = await WalkAsync(issues, sampleEvery: 1, collect: false);
            var elapsed = timer.Elapsed;
            var gcs = $"{GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}";

            // A walk of 1,000 issues lasts a few milliseconds, so one preemption decides it: shorter walks are repeated
            // (100,000 issues in all per count) and the median walk is reported next to the first.
            var perItem = new List<double> { elapsed.TotalMicroseconds / count };
            for (var walked = count; walked < Repeated; walked += count)
            {
                timer.Restart();
                await WalkAsync(issues, sampleEvery: 0);
                perItem.Add(timer.Elapsed.TotalMicroseconds / count);
            }

            perItem.Sort();
            var live = await WalkAsync(issues, sampleEvery: 10, collect: true);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            if (timed.Items != count || live.Items != count)
            {
                throw new InvalidOperationException($"walked {timed.Items} and {live.Items} issues, expected {count}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pass} | {count} | {timed.Pages} | {elapsed.TotalMicroseconds / count:F2} | {perItem[perItem.Count / 2]:F2} ({perItem.Count}) | {timed.PeakBytes / 1048576.0:F2} | {live.PeakBytes / 1048576.0:F2} | {after / 1048576.0:F2} | {gcs} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests served: {server.Requests}; load average {PipelineServer.LoadAverage()}"));
    }

    private static async Task<(int Items, int Pages, long PeakBytes)> WalkAsync(ProjectIssuesClient issues, int sampleEvery, bool collect = false)
    {
        var items = 0;
        var pages = 0;
        long peak = 0;
        await foreach (var page in issues.List().AsPages())
        {
            foreach (var issue in page.Items)
            {
                if (issue.Id is null)
                {
                    throw new InvalidOperationException("an issue without an id");
                }

                items++;
            }

            pages++;
            if (sampleEvery > 0 && pages % sampleEvery == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: collect));
            }
        }

        return (items, pages, peak);
    }

    private static int CursorIndex(string target)
    {
        var at = target.IndexOf("cursor=", StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var cursor = Uri.UnescapeDataString(target[(at + "cursor=".Length)..].Split('&')[0]);
        return int.Parse(cursor.Split(':')[1], CultureInfo.InvariantCulture);
    }
}
