using System.Globalization;
using System.Net;

namespace Sentry.Management.Mcp.Server;

/// <summary>The server's settings from flags and environment variables (flags win), checked once at start.</summary>
internal sealed class ServerSettings
{
    public const string Usage = """
        sentry-management-mcp: Sentry's management API as MCP tools (stdio by default).

        Usage: sentry-management-mcp [options]
          --access-token <token>   Sentry auth token (or SENTRY_AUTH_TOKEN / SENTRY_ACCESS_TOKEN)
          --url <url>              Sentry's URL, default https://sentry.io (or SENTRY_URL)
          --host <host[:port]>     Sentry's host, as Sentry's own server takes it (https unless --insecure-http)
          --organization <slug>    pin every call to this organization; removes organizationSlug from the tools
                                   (alias --organization-slug; SENTRY_ORG sets the default without pinning)
          --project <slug>         pin every call to this project (alias --project-slug)
          --read-only              offer only the tools that read
          --allow <a,b,...>        offer only these tools
          --deny <a,b,...>         never offer these tools
          --budget <chars>         the most characters per tool result (default 24000)
          --insecure-http          allow http:// for hosts other than loopback
          --port <port>            serve Streamable HTTP (stateless) on this port instead of stdio
          --bind <address>         the address to listen on with --port (default 127.0.0.1)
          --local                  run against an embedded local Sentry with sample data (no token needed)
          --help                   show this help
        Logs go to stderr; stdout carries the protocol.
        """;

    public string? Token { get; private set; }

    public Uri BaseUrl { get; private set; } = SentryManagementDefaults.SaasBaseUrl;

    public string? DefaultOrganization { get; private set; }

    public bool InsecureHttp { get; private set; }

    public int? Port { get; private set; }

    public IPAddress Bind { get; private set; } = IPAddress.Loopback;

    public bool Local { get; private set; }

    public bool Help { get; private set; }

    public SentryMcpOptions Tools { get; } = new();

    /// <summary>Reads flags (<c>--name value</c> or <c>--name=value</c>) and the environment; every problem is collected, not just the first.</summary>
    public static (ServerSettings Settings, List<string> Errors) Read(string[] args, Func<string, string?> environment)
    {
        var settings = new ServerSettings();
        var errors = new List<string>();
        string? url = environment("SENTRY_URL");
        string? host = null;
        settings.Token = environment("SENTRY_AUTH_TOKEN") ?? environment("SENTRY_ACCESS_TOKEN");
        settings.DefaultOrganization = environment("SENTRY_ORG");
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string Value()
            {
                if (eq > 0)
                {
                    return arg[(eq + 1)..];
                }

                if (i + 1 < args.Length)
                {
                    return args[++i];
                }

                errors.Add($"{name} needs a value.");
                return string.Empty;
            }

            switch (name)
            {
                case "--access-token": settings.Token = Value(); break;
                case "--url": url = Value(); break;
                case "--host": host = Value(); break;
                case "--organization" or "--organization-slug": settings.Tools.Organization = Value(); break;
                case "--project" or "--project-slug": settings.Tools.Project = Value(); break;
                case "--read-only": settings.Tools.ReadOnly = true; break;
                case "--allow": Add(settings.Tools.AllowedTools, Value()); break;
                case "--deny": Add(settings.Tools.DeniedTools, Value()); break;
                case "--insecure-http": settings.InsecureHttp = true; break;
                case "--local": settings.Local = true; break;
                case "--help" or "-h": settings.Help = true; break;
                case "--budget":
                    var budget = Value();
                    if (int.TryParse(budget, NumberStyles.None, CultureInfo.InvariantCulture, out var chars))
                    {
                        settings.Tools.ResultBudget = chars;
                    }
                    else
                    {
                        errors.Add($"--budget {Tooling.SafeEcho.Quote(budget)} is not a number of characters.");
                    }

                    break;
                case "--port":
                    var port = Value();
                    if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536)
                    {
                        settings.Port = number;
                    }
                    else
                    {
                        errors.Add($"--port {Tooling.SafeEcho.Quote(port)} is not a port number (1-65535).");
                    }

                    break;
                case "--bind":
                    var bind = Value();
                    if (IPAddress.TryParse(bind, out var address))
                    {
                        settings.Bind = address;
                    }
                    else
                    {
                        errors.Add($"--bind {Tooling.SafeEcho.Quote(bind)} is not an IP address (such as 127.0.0.1 or 0.0.0.0).");
                    }

                    break;
                default:
                    errors.Add(Unknown(name, i));
                    break;
            }
        }

        settings.Tools.AllowInsecureHttp = settings.InsecureHttp;
        if (host is not null)
        {
            url = (settings.InsecureHttp ? "http://" : "https://") + host.Trim().TrimEnd('/');
        }

        if (url is not null)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
            {
                settings.BaseUrl = parsed;
                if (LooksLikeToken(parsed.Host))
                {
                    // --host <token>: the host itself is the secret, so no message names it.
                    errors.Add("The Sentry URL's host looks like an auth token, not a host name (not shown): pass the token with --access-token.");
                }
                else
                {
                    if (!string.IsNullOrEmpty(parsed.UserInfo))
                    {
                        errors.Add($"The Sentry URL {Tooling.SafeEcho.Origin(parsed)} carries user info (user:password@), which Sentry does not use: pass the token with --access-token instead.");
                    }

                    if (parsed.Scheme == Uri.UriSchemeHttp && !settings.InsecureHttp && !Tooling.HostPolicy.IsLoopback(parsed.Host))
                    {
                        errors.Add($"The Sentry URL {Tooling.SafeEcho.Origin(parsed)} uses http, which sends the token unencrypted: use https, or pass --insecure-http if you mean it.");
                    }
                }
            }
            else
            {
                // Not repeated: what failed to parse may be a token or carry one.
                errors.Add("The Sentry URL is not an absolute http(s) URL such as https://sentry.io (set --url, --host or SENTRY_URL).");
            }
        }

        if (!settings.Local && !settings.Help && string.IsNullOrWhiteSpace(settings.Token))
        {
            errors.Add(
                "No Sentry auth token. Create one in Sentry under Settings > Account > Personal Tokens (https://sentry.io/settings/account/api/auth-tokens/, "
                + "scopes org:read, project:read, event:read, and project:write / event:write / project:releases / alerts:write for the write tools), "
                + "then pass --access-token <token> or set SENTRY_AUTH_TOKEN. Or try it offline with --local.");
        }

        errors.AddRange(settings.Tools.Validate());
        return (settings, errors);
    }

    /// <summary>
    /// The start-up warning when Streamable HTTP listens on an address other than loopback: the endpoint has no
    /// authentication of its own, so whoever reaches it calls Sentry with the configured token. <see langword="null"/>
    /// for stdio and for loopback. Names the address and port, never the token.
    /// </summary>
    public string? ExposureWarning()
    {
        if (Port is not { } port || IPAddress.IsLoopback(Bind))
        {
            return null;
        }

        return $"WARNING: --bind {Endpoint(port)} is not a loopback address. The MCP endpoint has no authentication: anyone who can reach it "
            + "can call every offered tool with this server's Sentry token and its scopes. Bind to 127.0.0.1 (the default), or put an "
            + "authenticating proxy or a firewall in front, and consider --read-only and --organization.";
    }

    /// <summary>The listening address as a URL authority (<c>127.0.0.1:3001</c>, <c>[::1]:3001</c>).</summary>
    public string Endpoint(int port) =>
        (Bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Bind}]" : Bind.ToString()) + ":" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The options of the facade client the tools call.</summary>
    public SentryManagementOptions ClientOptions() => new()
    {
        AuthToken = Token,
        BaseUrl = BaseUrl,
        Organization = Tools.Organization ?? DefaultOrganization,
        AllowInsecureTransport = InsecureHttp || Tooling.HostPolicy.IsLoopback(BaseUrl.Host),
    };

    /// <summary>
    /// Names an unknown option by the part before '=' only (after it may be a token: <c>--token=...</c>), and a stray
    /// value (<c>--access_token VALUE</c> makes the token an argument of its own) by its position only.
    /// </summary>
    private static string Unknown(string name, int index) =>
        name.StartsWith('-')
            ? $"Unknown option {Tooling.SafeEcho.Quote(name)}; --help lists the options."
            : $"Unexpected argument at position {(index + 1).ToString(CultureInfo.InvariantCulture)} (not shown: it could be a secret); "
              + "values follow their option, as in --access-token=<token>. --help lists the options.";

    /// <summary>A Sentry token's prefix, or a label longer than DNS allows (63), as a 64-character legacy token is.</summary>
    private static bool LooksLikeToken(string host) =>
        host.StartsWith("sntrys_", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("sntryu_", StringComparison.OrdinalIgnoreCase)
        || host.Split('.').Any(label => label.Length > 63);

    private static void Add(ISet<string> set, string list)
    {
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set.Add(name);
        }
    }
}
