namespace Sentry.Management.Capture.Protocol;

/// <summary>Timestamps as Sentry's numeric form: seconds since the Unix epoch with millisecond precision.</summary>
internal static class UnixTime
{
    public static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
