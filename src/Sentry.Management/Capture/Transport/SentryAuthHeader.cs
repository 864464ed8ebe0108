namespace Sentry.Management.Capture.Transport;

/// <summary>Builds the <c>X-Sentry-Auth</c> header value (protocol version 7).</summary>
internal static class SentryAuthHeader
{
    public const int ProtocolVersion = 7;

    public static string Create(SentryDsn dsn)
    {
        var value = $"Sentry sentry_version={ProtocolVersion}, sentry_client={Protocol.PayloadContext.SdkName}/{Protocol.PayloadContext.SdkVersion}, sentry_key={dsn.PublicKey}";
        return dsn.SecretKey is { } secret ? value + ", sentry_secret=" + secret : value;
    }
}
