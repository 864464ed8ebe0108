using System.Diagnostics;
using System.Globalization;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Walks 1,000, 10,000 and 100,000 issues (or the counts given) through the facade's pageable, pages of 100, from a
/// loopback server that serves pages with Link cursors until the count is reached. Each count is walked twice: once
/// timed, sampling the managed heap (<see cref="GC.GetTotalMemory"/> without collecting, garbage included) after
/// every page; once with a full collection every 10 pages, whose peak is what the walk keeps alive.
/// </summary>
internal static class StreamProbe
{
    private const int PageSize = 100;

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

        // Warm-up: JIT and the connection.
        Volatile.Write(ref total, 2000);
        await WalkAsync(issues, sampleEvery: 0);

        Console.WriteLine("| issues | pages | us/item | peak heap, not collected (MB) | peak live, collected every 10 pages (MB) | live after the walk (MB) | gen0/1/2 GCs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var count in counts)
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
            var live = await WalkAsync(issues, sampleEvery: 10, collect: true);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            if (timed.Items != count || live.Items != count)
            {
                throw new InvalidOperationException($"walked {timed.Items} and {live.Items} issues, expected {count}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | {timed.Pages} | {elapsed.TotalMicroseconds / count:F2} | {timed.PeakBytes / 1048576.0:F2} | {live.PeakBytes / 1048576.0:F2} | {after / 1048576.0:F2} | {gcs} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests served: {server.Requests}"));
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
