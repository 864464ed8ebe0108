using System.Net.Http.Headers;
using System.Reflection;

namespace Sentry.Management.Http;

/// <summary>The User-Agent every request carries: the library's name and version, so Sentry can tell its traffic apart.</summary>
internal static class SentryUserAgent
{
    internal static readonly string Version = typeof(SentryUserAgent).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(SentryUserAgent).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    internal static readonly ProductInfoHeaderValue Product = new("Sentry.Management", Version);

    /// <summary>The header's text, added to requests without re-parsing it each time.</summary>
    internal static readonly string Value = Product.ToString();
}
