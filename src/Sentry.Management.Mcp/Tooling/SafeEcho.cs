namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// What a start-up message may repeat of what the user typed. Messages go to stderr, which MCP clients log, and a
/// misplaced argument can be an auth token: a value is only repeated when it is short and plain (a port, an address, a
/// tool name, a slug), never a URL's user info.
/// </summary>
internal static class SafeEcho
{
    /// <summary>Longer than any tool name, port or IP address; shorter than any Sentry auth token.</summary>
    private const int MaxShown = 40;

    /// <summary>The value in quotes when it is short and plain, otherwise a note that it is not shown.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxShown && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '[' or ']' or '%')
            ? $"'{value}'"
            : "(value not shown: it could be a secret)";

    /// <summary>Scheme, host and port only: no user info (<c>user:secret@</c>), path or query.</summary>
    public static string Origin(Uri url) => $"{url.Scheme}://{url.Authority}";
}
