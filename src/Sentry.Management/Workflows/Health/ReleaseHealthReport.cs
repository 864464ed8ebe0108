using System.Globalization;
using System.Text;

namespace Sentry.Management;

/// <summary>What a release's health says to do.</summary>
public enum ReleaseHealthRecommendation
{
    /// <summary>No alert applies.</summary>
    Healthy,

    /// <summary>A warning applies (new issues, a slower p95, a crash-free drop): keep an eye on it.</summary>
    Watch,

    /// <summary>A critical alert applies (crash-free rate under the threshold): consider rolling back.</summary>
    RollBack,

    /// <summary>The release has no sessions in the window, so its health cannot be judged yet.</summary>
    NoData,
}

/// <summary>How serious a <see cref="ReleaseHealthAlert"/> is.</summary>
public enum ReleaseHealthSeverity
{
    /// <summary>Worth watching.</summary>
    Warning,

    /// <summary>Worth rolling back for.</summary>
    Critical,
}

/// <summary>One alert that applies to a release.</summary>
/// <param name="Kind">What it is about: <c>crash-free-sessions</c>, <c>crash-free-users</c>, <c>crash-free-drop</c>, <c>p95-regression</c> or <c>new-issues</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What was measured against what threshold.</param>
public sealed record ReleaseHealthAlert(string Kind, ReleaseHealthSeverity Severity, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>The same measures for the release compared with.</summary>
/// <param name="Version">The previous release.</param>
/// <param name="CrashFreeSessions">Its crash-free session rate (0 to 1) in the window.</param>
/// <param name="CrashFreeUsers">Its crash-free user rate (0 to 1) in the window.</param>
/// <param name="P95DurationMs">Its p95 transaction duration in milliseconds.</param>
public sealed record ReleaseHealthBaseline(string Version, double? CrashFreeSessions, double? CrashFreeUsers, double? P95DurationMs);

/// <summary>
/// A release's health over a window: crash-free rates, errors, adoption, the comparison with the previous release,
/// the alerts that apply and what to do. From <see cref="ReleasesClient.GetHealthReportAsync"/>.
/// </summary>
public sealed record ReleaseHealthReport
{
    /// <summary>The release.</summary>
    public required string Version { get; init; }

    /// <summary>The window, as Sentry's period (<c>24h</c>).</summary>
    public required string Window { get; init; }

    /// <summary>The environment looked at; <see langword="null"/> for all.</summary>
    public string? Environment { get; init; }

    /// <summary>The share of the release's sessions that did not crash (0 to 1); <see langword="null"/> without sessions.</summary>
    public double? CrashFreeSessions { get; init; }

    /// <summary>The share of the release's users who had no crash (0 to 1).</summary>
    public double? CrashFreeUsers { get; init; }

    /// <summary>The release's sessions in the window.</summary>
    public double? Sessions { get; init; }

    /// <summary>The release's distinct users in the window.</summary>
    public double? Users { get; init; }

    /// <summary>The crash-free session rate per interval of <see cref="Intervals"/> (the resolution asked for).</summary>
    public IReadOnlyList<double?> CrashFreeSessionSeries { get; init; } = [];

    /// <summary>The start of each interval of the series.</summary>
    public IReadOnlyList<DateTimeOffset> Intervals { get; init; } = [];

    /// <summary>The release's error events in the window; <see langword="null"/> when Sentry could not say (see <see cref="Problems"/>).</summary>
    public long? Errors { get; init; }

    /// <summary>The release's share of all sessions in the window (0 to 1).</summary>
    public double? SessionAdoption { get; init; }

    /// <summary>The release's share of all users in the window (0 to 1).</summary>
    public double? UserAdoption { get; init; }

    /// <summary>Issues first seen in this release within the window (at most the first 100 are counted).</summary>
    public int? NewIssues { get; init; }

    /// <summary>The p95 transaction duration of the release in milliseconds.</summary>
    public double? P95DurationMs { get; init; }

    /// <summary>The release compared with; <see langword="null"/> when there is none.</summary>
    public ReleaseHealthBaseline? Previous { get; init; }

    /// <summary>The crash-free session rate minus the previous release's (negative is worse).</summary>
    public double? CrashFreeSessionsDelta => CrashFreeSessions - Previous?.CrashFreeSessions;

    /// <summary>How much slower the p95 is than the previous release's (0.25 = 25 % slower; negative is faster).</summary>
    public double? P95Change => Previous?.P95DurationMs is > 0 and var before && P95DurationMs is { } now ? (now - before) / before : null;

    /// <summary>The alerts that apply.</summary>
    public IReadOnlyList<ReleaseHealthAlert> Alerts { get; init; } = [];

    /// <summary>What to do.</summary>
    public ReleaseHealthRecommendation Recommendation { get; init; }

    /// <summary>Measures Sentry could not provide (the report is made without them), such as a dataset an older Sentry lacks.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Release {Version} over {Window}{(Environment is null ? string.Empty : " in " + Environment)}: {Recommendation}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  crash-free sessions {Percent(CrashFreeSessions)}, users {Percent(CrashFreeUsers)}; {Number(Sessions)} sessions, {Number(Users)} users; adoption {Percent(SessionAdoption)} of sessions, {Percent(UserAdoption)} of users").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  errors {Number(Errors)}, new issues {Number(NewIssues)}, p95 {Duration(P95DurationMs)}");
        if (Previous is { } previous)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  vs {previous.Version}: crash-free sessions {Percent(previous.CrashFreeSessions)} ({Points(CrashFreeSessionsDelta)}), p95 {Duration(previous.P95DurationMs)} ({Change(P95Change)})");
        }

        foreach (var alert in Alerts)
        {
            text.AppendLine().Append("  ").Append(alert);
        }

        foreach (var problem in Problems)
        {
            text.AppendLine().Append("  unavailable: ").Append(problem);
        }

        return text.ToString();
    }

    internal static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "n/a";

    private static string Duration(double? ms) => ms is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "n/a";

    private static string Points(double? delta) => delta is { } d ? (d * 100).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + " points" : "n/a";

    private static string Change(double? change) => change is { } c ? (c * 100).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " %" : "n/a";
}
