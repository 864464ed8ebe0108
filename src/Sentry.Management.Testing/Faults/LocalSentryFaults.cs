namespace Sentry.Management.Testing;

/// <summary>
/// Fault switches of a <see cref="LocalSentry"/>, for ingestion and for the management API separately. Set them in
/// process, with <c>POST /_local/faults</c>, or from the command line of the program.
/// </summary>
public sealed class LocalSentryFaults
{
    internal LocalSentryFaults(TimeProvider timeProvider)
    {
        Ingestion = new FaultSwitches(FaultSurface.Ingestion, timeProvider);
        Management = new FaultSwitches(FaultSurface.Management, timeProvider);
    }

    /// <summary>Faults of the ingestion endpoints (<c>/api/{project_id}/envelope/</c> and <c>/store/</c>).</summary>
    public FaultSwitches Ingestion { get; }

    /// <summary>Faults of the management API (<c>/api/0/…</c>).</summary>
    public FaultSwitches Management { get; }

    /// <summary>
    /// Sets a fault from text, as the program's <c>--fault</c> option takes it:
    /// <c>&lt;surface&gt;:&lt;fault&gt;[=&lt;value&gt;][;&lt;option&gt;=&lt;value&gt;…]</c>, such as
    /// <c>ingestion:rate-limit=60;times=2;categories=error</c>, <c>management:server-error=503;times=1</c>,
    /// <c>management:delay=50</c>, <c>ingestion:drop;times=1</c>, <c>management:limit;concurrent=4;per-second=20</c>
    /// or <c>all:clear</c>.
    /// </summary>
    /// <param name="spec">The fault.</param>
    /// <exception cref="ArgumentException">The text is not a valid fault; the message shows the syntax.</exception>
    public void Apply(string spec) => Faults.FaultSpec.Apply(this, spec);

    /// <summary>Turns every fault off, on both surfaces.</summary>
    public void Clear()
    {
        Ingestion.Clear();
        Management.Clear();
    }
}
