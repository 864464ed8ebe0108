namespace Sentry.Management.Workflows.Releases;

/// <summary>Commit ids as people read them in a log line.</summary>
internal static class CommitSha
{
    internal static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
