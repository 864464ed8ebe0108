using System.Globalization;

namespace Sentry.Management;

/// <summary>What <see cref="ReleasesClient.GetHealthReportAsync"/> looks at and when it raises an alert.</summary>
public sealed class ReleaseHealthOptions
{
    /// <summary>The period up to now the report covers (default 24 hours; whole minutes).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The resolution of the crash-free series, such as <c>1h</c> (default) or <c>1d</c>.</summary>
    public string Resolution { get; set; } = "1h";

    /// <summary>The environment to look at; all environments when unset.</summary>
    public string? Environment { get; set; }

    /// <summary>Project ids to restrict to; all the release's projects the token can see when empty.</summary>
    public IList<string> Projects { get; } = [];

    /// <summary>The release to compare with; the newest release of the same projects created before this one when unset.</summary>
    public string? PreviousVersion { get; set; }

    /// <summary>Crash-free session or user rates under this (0 to 1) raise a critical alert (default 0.95).</summary>
    public double CrashFreeThreshold { get; set; } = 0.95;

    /// <summary>A drop in the crash-free session rate against the previous release larger than this (0 to 1) raises a warning (default 0.01, one point).</summary>
    public double CrashFreeDropThreshold { get; set; } = 0.01;

    /// <summary>A p95 transaction duration this much slower than the previous release's (0.2 = 20 %, the default) raises a warning.</summary>
    public double P95RegressionThreshold { get; set; } = 0.2;

    /// <summary>How many new issues (first seen in this release) raise a warning (default 1: any).</summary>
    public int NewIssuesThreshold { get; set; } = 1;

    /// <summary>Sentry's <c>statsPeriod</c> for <see cref="Window"/>.</summary>
    internal string StatsPeriod =>
        Window.TotalMinutes % 60 == 0
            ? ((long)Window.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
            : ((long)Window.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>Throws naming the first bad setting; nothing has been asked yet.</summary>
    internal void Validate()
    {
        if (Window < TimeSpan.FromMinutes(1) || Window.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window must be whole minutes, at least one.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Resolution, nameof(Resolution));
        CheckFraction(CrashFreeThreshold, nameof(CrashFreeThreshold));
        CheckFraction(CrashFreeDropThreshold, nameof(CrashFreeDropThreshold));
        if (double.IsNaN(P95RegressionThreshold) || P95RegressionThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(P95RegressionThreshold), P95RegressionThreshold, "The p95 regression threshold is a fraction (0.2 = 20 % slower) and must not be negative.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(NewIssuesThreshold, 1, nameof(NewIssuesThreshold));
        if (PreviousVersion is not null)
        {
            SentryReleaseVersion.Validate(PreviousVersion, nameof(PreviousVersion));
        }
    }

    private static void CheckFraction(double value, string name)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is a fraction from 0 to 1 (0.95 = 95 %).");
        }
    }
}
