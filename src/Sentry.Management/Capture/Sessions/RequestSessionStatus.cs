namespace Sentry.Management;

/// <summary>How one request of a server ended, for <see cref="SentryCaptureClient.RecordRequestSession"/>.</summary>
public enum RequestSessionStatus
{
    /// <summary>Ended normally without an error.</summary>
    Exited = 0,

    /// <summary>Ended with a handled error.</summary>
    Errored = 1,

    /// <summary>Ended with an unhandled error.</summary>
    Crashed = 2,

    /// <summary>Ended in an unknown way (for example the worker was killed).</summary>
    Abnormal = 3,
}
