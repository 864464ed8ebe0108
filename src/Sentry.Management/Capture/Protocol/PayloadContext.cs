using System.Reflection;
using System.Runtime.CompilerServices;
using Sentry.Management.Capture.Processing;

namespace Sentry.Management.Capture.Protocol;

/// <summary>What every payload writer needs: the options and the shared scrubbing and classification rules.</summary>
internal sealed class PayloadContext
{
    public const string SdkName = "sentry.dotnet.management";
    public static readonly string SdkVersion =
        typeof(PayloadContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    // Sentry drops tag values longer than this.
    public const int MaxTagValueLength = 200;

    public PayloadContext(SentryCaptureOptions options, SentryDsn dsn)
    {
        Options = options;
        Dsn = dsn;
        Scrubber = new PiiScrubber(options);
        InApp = new InAppClassifier(options);
    }

    private static int s_lastId;

    public SentryCaptureOptions Options { get; }

    /// <summary>Tells this context apart from other clients' in what is kept on shared objects (encoded breadcrumbs), without holding it alive.</summary>
    public int Id { get; } = Interlocked.Increment(ref s_lastId);

    public SentryDsn Dsn { get; }

    public PiiScrubber Scrubber { get; }

    public InAppClassifier InApp { get; }

    /// <summary>Stack frames already described for this client (their in-app flag follows these options).</summary>
    public FrameCache Frames { get; } = new();

    /// <summary>Cuts and scrubs free text before it is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Clean(string text, int? maxLength = null)
    {
        var max = Math.Min(maxLength ?? int.MaxValue, Options.MaxValueLength);
        if (text.Length > max)
        {
            text = string.Concat(text.AsSpan(0, max - 1), "\u2026");
        }

        return Scrubber.ScrubText(text);
    }

    /// <summary>The value of a key/value pair as it may be sent: filtered when the key looks secret.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string CleanValue(string key, string value, int? maxLength = null) =>
        Scrubber.IsSensitiveKey(key) ? PiiScrubber.Filtered : Clean(value, maxLength);
}
