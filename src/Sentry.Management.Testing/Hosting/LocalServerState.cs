using Microsoft.Extensions.Logging;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Hosting;

/// <summary>Everything a request handler of the local Sentry can reach: its data, clock, faults and what it received.</summary>
internal sealed class LocalServerState
{
    public LocalServerState(LocalSentryOptions options, LocalData data, ILoggerFactory loggerFactory)
    {
        Options = options;
        Data = data;
        TimeProvider = options.TimeProvider;
        LoggerFactory = loggerFactory;
        Faults = new LocalSentryFaults(TimeProvider);
        Received = new LocalSentryReceived();
        var seed = Seed.Ensure(data, options, TimeProvider);
        Organization = seed.Organization;
        Project = seed.Project;
        Key = seed.Key;
        Token = seed.Token;
    }

    public LocalSentryOptions Options { get; }

    public LocalData Data { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    public LocalSentryFaults Faults { get; }

    public LocalSentryReceived Received { get; }

    /// <summary>The organization the server was started with.</summary>
    public StoredOrganization Organization { get; }

    /// <summary>The project the server was started with.</summary>
    public StoredProject Project { get; }

    /// <summary>The seeded project's default client key.</summary>
    public StoredKey Key { get; }

    /// <summary>The seeded auth token.</summary>
    public StoredToken Token { get; }

    /// <summary>The URL the server listens on, such as <c>http://127.0.0.1:54321</c> (no trailing slash); set once started.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1";

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>The DSN of a key, pointing at this server.</summary>
    public string DsnOf(StoredKey key) => $"{BaseUrl.Replace("://", "://" + key.Public + "@", StringComparison.Ordinal)}/{key.ProjectId}";
}
