namespace Sentry.Management.Testing;

/// <summary>Which part of a <see cref="LocalSentry"/> a set of fault switches applies to.</summary>
public enum FaultSurface
{
    /// <summary>The ingestion endpoints that SDKs post envelopes to.</summary>
    Ingestion = 0,

    /// <summary>The management REST API under <c>/api/0/</c>.</summary>
    Management = 1,
}
