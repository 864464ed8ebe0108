
namespace Sentry.Management.Tests.Capture.Support;

internal static class TestOptions
{
    public const string Dsn = "https://abc123def456@o1.ingest.example.com/42";

    public static SentryCaptureOptions Create(string dsn = Dsn) => new()
    {
        Dsn = dsn,
        Release = "app@1.2.3",
        Environment = "test",
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        ShutdownTimeout = TimeSpan.FromSeconds(10),
    };
}
