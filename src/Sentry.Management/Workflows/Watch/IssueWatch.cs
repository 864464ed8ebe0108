using System.Globalization;
using System.Runtime.CompilerServices;
using Sentry.Management.Api;

namespace Sentry.Management.Workflows.Watch;

/// <summary>
/// Polls an organization's issues for ones that are new or regressed since a point in time. Each poll asks only for
/// issues seen after the watermark (<c>lastSeen:&gt;</c>), so a quiet organization costs one small request per interval,
/// through the same rate-limit-aware pipeline as every other call.
/// </summary>
/// <remarks>
/// The cursor is the watermark (the latest <c>lastSeen</c> reported) plus the ids already reported as regressed, so a
/// resumed watch neither misses an issue seen after the watermark nor reports a regressed issue again because it got
/// more events. An issue is reported as new once: when it was first seen after the watermark of the poll that lists it.
/// </remarks>
internal static class IssueWatch
{
    private const int RememberedRegressions = 500;

    internal static async IAsyncEnumerable<IssueWatchEvent> RunAsync(
        IssuesClient issues,
        IssueWatchOptions options,
        TimeProvider clientTime,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Query, "options.Query");
        if (options.PollInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException("options.PollInterval", options.PollInterval, "Poll at most once a second.");
        }

        var time = options.TimeProvider ?? clientTime;
        var (watermark, regressed) = options.ResumeFrom is { } cursor ? Parse(cursor) : (options.Since ?? time.GetUtcNow(), new List<string>());
        while (true)
        {
            var found = new List<Issue>();
            var listing = issues.List(
                new IssueListOptions
                {
                    Filter = new IssueQuery
                    {
                        Query = $"{options.Query} lastSeen:>{SentryUrlParameterFormatter.FormatDate(watermark)}",
                        Projects = options.Projects,
                        Environments = options.Environments,
                        Sort = IssueSort.Date,
                    },
                    Limit = 100,
                },
                new SentryPageOptions { MaxItems = 1000 });
            await foreach (var issue in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                found.Add(issue);
            }

            var pollWatermark = watermark;
            foreach (var issue in found.OrderBy(i => i.LastSeen ?? DateTimeOffset.MinValue))
            {
                if (issue.Id is null || issue.LastSeen is not { } lastSeen)
                {
                    continue;
                }

                if (lastSeen > watermark)
                {
                    watermark = lastSeen;
                }

                IssueWatchReason? reason = issue.FirstSeen > pollWatermark ? IssueWatchReason.New
                    : issue.Substatus == IssueSubstatus.Regressed && !regressed.Contains(issue.Id) ? IssueWatchReason.Regressed
                    : null;
                if (reason == IssueWatchReason.Regressed)
                {
                    regressed.Add(issue.Id);
                    if (regressed.Count > RememberedRegressions)
                    {
                        regressed.RemoveAt(0);
                    }
                }

                if (reason is { } why)
                {
                    yield return new IssueWatchEvent(issue, why, Format(watermark, regressed));
                }
            }

            // An issue that is no longer regressed may regress again later: forget it, so that regression is reported.
            regressed.RemoveAll(id => found.Any(i => i.Id == id && i.Substatus != IssueSubstatus.Regressed));
            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Format(DateTimeOffset watermark, List<string> regressed) =>
        SentryUrlParameterFormatter.FormatDate(watermark) + (regressed.Count == 0 ? string.Empty : "|" + string.Join(",", regressed));

    private static (DateTimeOffset Watermark, List<string> Regressed) Parse(string cursor)
    {
        var parts = cursor.Split('|', 2);
        if (!DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var watermark)
            || (parts.Length == 2 && !parts[1].Split(',').All(id => id.Length > 0 && id.All(char.IsAsciiDigit))))
        {
            throw new ArgumentException($"'{cursor}' is not a watch cursor (IssueWatchEvent.Cursor).", nameof(cursor));
        }

        return (watermark, parts.Length == 2 ? [.. parts[1].Split(',')] : []);
    }
}
