namespace Sentry.Management;

/// <summary>Which capture integrations run (configuration section <c>Sentry:integrations</c>).</summary>
public sealed class CaptureIntegrationOptions
{
    /// <summary>Outgoing HTTP calls (<c>integrations.http</c>): breadcrumbs, child spans and trace propagation.</summary>
    public HttpIntegrationOptions Http { get; } = new();

    /// <summary>Log entries (<c>integrations.console</c>, in .NET the <c>ILogger</c> pipeline): breadcrumbs and events.</summary>
    public ConsoleIntegrationOptions Console { get; } = new();
}

/// <summary>The outgoing-HTTP integration (<c>integrations.http</c>).</summary>
public sealed class HttpIntegrationOptions
{
    /// <summary>Whether outgoing HTTP calls are instrumented at all. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Records a breadcrumb per request (method, URL without query secrets, status, duration). On by default.</summary>
    public bool Breadcrumbs { get; set; } = true;

    /// <summary>Records a child span of the current transaction per request and propagates the trace to <see cref="SentryCaptureOptions.TracePropagationTargets"/>. On by default.</summary>
    public bool Tracing { get; set; } = true;
}

/// <summary>The logging integration (<c>integrations.console</c>).</summary>
public sealed class ConsoleIntegrationOptions
{
    /// <summary>Whether log entries are turned into breadcrumbs, events and Sentry Logs (register the logger with <c>logging.AddSentryCapture()</c>). Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The levels whose entries are recorded (<c>["error", "warn"]</c> in configuration; <c>warn</c> and <c>log</c> are read as <see cref="EventLevel.Warning"/> and <see cref="EventLevel.Info"/>). Default: warning, error and fatal.</summary>
    public IList<EventLevel> Levels { get; } = [EventLevel.Warning, EventLevel.Error, EventLevel.Fatal];

    /// <summary>Whether entries at error level or above that carry an exception are also captured as error events (with the entry's message and category as logger). On by default.</summary>
    public bool CaptureExceptions { get; set; } = true;

    /// <summary>Whether entries at the recorded levels are also sent as Sentry Logs (<c>log</c> items with the message template, its parameters, and the current trace). On by default.</summary>
    public bool SendLogs { get; set; } = true;
}
