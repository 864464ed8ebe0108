using System.Net;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// Which hosts a tool may send a request to: the configured Sentry and, when that is Sentry's SaaS, its regions
/// (<c>us.sentry.io</c>, <c>de.sentry.io</c>, …). Plain http only for loopback or with the explicit insecure option.
/// A URL a model passes in (a <c>regionUrl</c>, an issue URL, a DSN) never leads anywhere else.
/// </summary>
internal sealed class HostPolicy
{
    private const string SaasDomain = "sentry.io";
    private readonly Uri _baseUrl;
    private readonly bool _allowInsecureHttp;

    public HostPolicy(Uri baseUrl, bool allowInsecureHttp)
    {
        _baseUrl = baseUrl;
        _allowInsecureHttp = allowInsecureHttp;
    }

    public bool IsSaas => IsSaasHost(_baseUrl.Host);

    /// <summary>The base URL a <c>regionUrl</c> stands for; <see langword="null"/> for the configured one.</summary>
    /// <exception cref="ToolInputException">The URL is not the configured host or one of Sentry's regions.</exception>
    public Uri? Region(string? regionUrl)
    {
        if (string.IsNullOrWhiteSpace(regionUrl))
        {
            return null; // self-hosted organizations report an empty region URL
        }

        var url = Parse(regionUrl, "regionUrl");
        if (SameAuthority(url, _baseUrl))
        {
            return null;
        }

        // A region is a single label under sentry.io (us.sentry.io), never an organization's own subdomain path.
        if (IsSaas && url.Scheme == Uri.UriSchemeHttps && IsSaasHost(url.Host) && url.Host.Count(c => c == '.') == 2 && url.IsDefaultPort)
        {
            return new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        }

        throw new ToolInputException(
            $"regionUrl '{url.GetLeftPart(UriPartial.Authority)}' is not allowed: this server only talks to {_baseUrl.GetLeftPart(UriPartial.Authority)}"
            + (IsSaas ? " and Sentry's regions (https://us.sentry.io, https://de.sentry.io)." : ". Omit regionUrl for a self-hosted Sentry."));
    }

    /// <summary>Checks the host of a URL a model passed in (an issue URL) without sending anything to it.</summary>
    /// <exception cref="ToolInputException">The host is neither the configured Sentry nor under sentry.io (for SaaS).</exception>
    public Uri CheckForeignUrl(string value, string name)
    {
        var url = Parse(value, name);
        if (SameAuthority(url, _baseUrl) || (IsSaas && url.Scheme == Uri.UriSchemeHttps && IsSaasHost(url.Host)))
        {
            return url;
        }

        throw new ToolInputException($"{name} '{url.GetLeftPart(UriPartial.Authority)}' is not on this server's Sentry ({_baseUrl.GetLeftPart(UriPartial.Authority)}).");
    }

    /// <summary>Checks a DSN's host before a test event is sent to it.</summary>
    public void CheckIngestHost(Uri dsnHost)
    {
        if (dsnHost.Scheme == Uri.UriSchemeHttp && !_allowInsecureHttp && !IsLoopback(dsnHost.Host))
        {
            throw new ToolInputException("The DSN uses http for a host that is not loopback; start the server with --insecure-http to allow it.");
        }

        if (string.Equals(dsnHost.Host, _baseUrl.Host, StringComparison.OrdinalIgnoreCase) || (IsSaas && IsSaasHost(dsnHost.Host)))
        {
            return;
        }

        throw new ToolInputException($"The DSN's host '{dsnHost.Host}' is not this server's Sentry ({_baseUrl.Host}); no event is sent there.");
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsSaasHost(string host) =>
        string.Equals(host, SaasDomain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + SaasDomain, StringComparison.OrdinalIgnoreCase);

    private static bool SameAuthority(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private Uri Parse(string value, string name)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ToolInputException($"{name} must be an absolute https URL such as https://us.sentry.io (the value given is not repeated: it may hold credentials).");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new ToolInputException($"{name} must not contain user info.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !_allowInsecureHttp && !IsLoopback(url.Host))
        {
            throw new ToolInputException($"{name} uses http for a host that is not loopback; use https (or start the server with --insecure-http).");
        }

        return url;
    }
}
