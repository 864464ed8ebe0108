using System.Globalization;

namespace Sentry.Management;

/// <summary>
/// A parsed Sentry DSN: <c>{scheme}://{public_key}[:secret]@{host}[:port]/{path/}{project_id}</c>.
/// </summary>
/// <remarks>
/// The secret key (legacy) is kept only for the auth header; it never appears in <see cref="ToString"/>,
/// in exception messages or in envelope headers.
/// </remarks>
public sealed class SentryDsn
{
    private SentryDsn(string scheme, string publicKey, string? secretKey, string host, int port, string path, string projectId)
    {
        Scheme = scheme;
        PublicKey = publicKey;
        SecretKey = secretKey;
        Host = host;
        Port = port;
        Path = path;
        ProjectId = projectId;
        var authority = $"{scheme}://{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        EnvelopeUri = new Uri($"{authority}{path}api/{projectId}/envelope/");
        _display = $"{scheme}://{publicKey}@{host}:{port.ToString(CultureInfo.InvariantCulture)}{path}{projectId}";
    }

    private readonly string _display;

    /// <summary>The scheme, <c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; }

    /// <summary>The project's public key, sent as <c>sentry_key</c>.</summary>
    public string PublicKey { get; }

    /// <summary>The legacy secret key, if the DSN had one; only the auth header uses it.</summary>
    internal string? SecretKey { get; }

    /// <summary>Whether the DSN carried a (legacy) secret key.</summary>
    public bool HasSecretKey => SecretKey is not null;

    /// <summary>The ingestion host.</summary>
    public string Host { get; }

    /// <summary>The port; the scheme's default when the DSN names none.</summary>
    public int Port { get; }

    /// <summary>The path prefix before the project id, always starting and ending with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The numeric project id, the DSN's last path segment.</summary>
    public string ProjectId { get; }

    /// <summary>Where envelopes are posted: <c>{scheme}://{host}:{port}{path}api/{project_id}/envelope/</c>.</summary>
    public Uri EnvelopeUri { get; }

    /// <summary>Parses a DSN, throwing an <see cref="ArgumentException"/> that names the malformed part.</summary>
    /// <param name="dsn">The DSN as shown in the project's Client Keys settings.</param>
    /// <returns>The parsed DSN.</returns>
    /// <exception cref="ArgumentException">The DSN is empty or one of its parts is malformed; the message never contains the secret key.</exception>
    public static SentryDsn Parse(string? dsn)
    {
        var result = TryParseCore(dsn, out var error);
        return result ?? throw new ArgumentException(error, nameof(dsn));
    }

    /// <summary>Parses a DSN without throwing.</summary>
    /// <param name="dsn">The DSN text.</param>
    /// <param name="result">The parsed DSN, or <see langword="null"/>.</param>
    /// <param name="error">Why parsing failed, or <see langword="null"/>; never contains the secret key.</param>
    /// <returns><see langword="true"/> when the DSN is valid.</returns>
    public static bool TryParse(string? dsn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SentryDsn? result, out string? error)
    {
        result = TryParseCore(dsn, out error);
        return result is not null;
    }

    private static SentryDsn? TryParseCore(string? dsn, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(dsn))
        {
            error = "The DSN is empty; expected {scheme}://{public_key}@{host}/{project_id}.";
            return null;
        }

        var text = dsn.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = "The DSN has no scheme; expected it to start with https:// or http://.";
            return null;
        }

        var scheme = text[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            error = $"The DSN's scheme '{Clip(scheme)}' is not supported; use https or http.";
            return null;
        }

        var rest = text[(schemeEnd + 3)..];
        var at = rest.LastIndexOf('@');
        if (at < 0)
        {
            error = "The DSN has no public key; expected {public_key}@ before the host.";
            return null;
        }

        var userInfo = rest[..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var publicKey = colon < 0 ? userInfo : userInfo[..colon];
        string? secretKey = colon < 0 ? null : userInfo[(colon + 1)..];
        if (publicKey.Length == 0)
        {
            error = "The DSN's public key is empty.";
            return null;
        }

        if (!IsKey(publicKey))
        {
            error = "The DSN's public key contains characters other than letters and digits.";
            return null;
        }

        if (secretKey is not null && secretKey.Length == 0)
        {
            error = "The DSN has a ':' after the public key but an empty secret key.";
            return null;
        }

        var hostAndPath = rest[(at + 1)..];
        var slash = hostAndPath.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = "The DSN has no project id; expected /{project_id} after the host.";
            return null;
        }

        var authority = hostAndPath[..slash];
        var pathAndProject = hostAndPath[slash..];
        if (!TryParseAuthority(authority, scheme, out var host, out var port, out error))
        {
            return null;
        }

        if (pathAndProject.Contains('?', StringComparison.Ordinal) || pathAndProject.Contains('#', StringComparison.Ordinal))
        {
            error = "The DSN must not have a query string or fragment.";
            return null;
        }

        var lastSlash = pathAndProject.LastIndexOf('/');
        var projectId = pathAndProject[(lastSlash + 1)..];
        if (projectId.Length == 0)
        {
            error = "The DSN has no project id; its path must end with the numeric project id.";
            return null;
        }

        if (!projectId.All(char.IsAsciiDigit))
        {
            error = $"The DSN's project id '{Clip(projectId)}' is not a number.";
            return null;
        }

        var path = pathAndProject[..(lastSlash + 1)];
        if (path.Contains("//", StringComparison.Ordinal))
        {
            error = "The DSN's path has an empty segment ('//').";
            return null;
        }

        return new SentryDsn(scheme, publicKey, secretKey, host, port, path, projectId);
    }

    private static bool TryParseAuthority(string authority, string scheme, out string host, out int port, out string? error)
    {
        host = authority;
        port = scheme == "https" ? 443 : 80;
        error = null;
        var portSeparator = authority.LastIndexOf(':');
        var bracketEnd = authority.LastIndexOf(']');
        if (portSeparator > bracketEnd)
        {
            host = authority[..portSeparator];
            var portText = authority[(portSeparator + 1)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                error = $"The DSN's port '{Clip(portText)}' is not a number between 1 and 65535.";
                return false;
            }
        }

        if (host.Length == 0)
        {
            error = "The DSN has no host after '@'.";
            return false;
        }

        if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            error = $"The DSN's host '{Clip(host)}' is not a valid host name or address.";
            return false;
        }

        return true;
    }

    private static bool IsKey(string key) => key.All(char.IsAsciiLetterOrDigit);

    // Keeps error messages readable when someone pastes something huge in the wrong place.
    private static string Clip(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");

    /// <summary>The DSN without its secret key, safe to log.</summary>
    /// <returns>The DSN text with only the public key.</returns>
    public override string ToString() => _display;
}
