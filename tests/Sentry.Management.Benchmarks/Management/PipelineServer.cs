namespace Sentry.Management.Benchmarks.Management;

/// <summary>What the pipeline probes share: the canned server answering a project and a page of 100 issues, the token, the load.</summary>
internal static class PipelineServer
{
    public const string Token = "fake-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

    /// <summary>Starts a server that answers the issues path with <paramref name="page"/> (and a last-page <c>Link</c>), anything else with the project.</summary>
    public static CannedApiServer Start(byte[] page)
    {
        CannedApiServer? server = null;
        server = new CannedApiServer(target => target.Contains("/issues/", StringComparison.Ordinal)
            ? new CannedResponse(page, CannedBodies.Link(server!.Url, "api/0/projects/acme/backend/issues/", "0:0:1", next: null))
            : new CannedResponse(CannedBodies.Project, ""));
        return server;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
