using System.Net.Http.Headers;

namespace Sentry.Management.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> and the library's User-Agent. The token goes only to the configured
/// Sentry origin, so a URL from a response (a pagination link, say) can never carry it elsewhere.
/// </summary>
internal sealed class AuthHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly Uri _origin;

    internal AuthHandler(string? authToken, Uri baseUrl)
    {
        _authorization = string.IsNullOrEmpty(authToken) ? null : new AuthenticationHeaderValue("Bearer", authToken);
        _origin = new Uri(baseUrl.GetLeftPart(UriPartial.Authority));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_authorization is not null && request.Headers.Authorization is null && IsSameOrigin(request.RequestUri))
        {
            request.Headers.Authorization = _authorization;
        }

        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.UserAgent.Add(SentryUserAgent.Product);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private bool IsSameOrigin(Uri? uri) =>
        uri is not null && uri.IsAbsoluteUri && Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
