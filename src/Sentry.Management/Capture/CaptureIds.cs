using System.Globalization;

namespace Sentry.Management.Capture;

/// <summary>Trace and span ids in the hex formats Sentry expects.</summary>
internal static class CaptureIds
{
    public static string NewTraceId() => Guid.NewGuid().ToString("N");

    public static string NewSpanId()
    {
        ulong value;
        do
        {
            value = (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 32);
        }
        while (value == 0);

        return value.ToString("x16", CultureInfo.InvariantCulture);
    }
}
