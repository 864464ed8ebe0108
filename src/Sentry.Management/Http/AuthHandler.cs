namespace Sentry.Management.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> and the library's User-Agent. The token goes only to the configured
/// Sentry origin, so a URL from a response (a pagination link, say) can never carry it elsewhere.
/// </summary>
internal sealed class AuthHandler : DelegatingHandler
{
    private const string AuthorizationHeader = "Authorization";
    private const string UserAgentHeader = "User-Agent";

    // Added as text: a typed value is formatted into a new string each time the request is written.
    private readonly string? _authorization;
    private readonly Uri _origin;
    private readonly string _originPrefix;

    internal AuthHandler(string? authToken, Uri baseUrl)
    {
        _authorization = string.IsNullOrEmpty(authToken) ? null : "Bearer " + authToken;
        _origin = new Uri(baseUrl.GetLeftPart(UriPartial.Authority));
        _originPrefix = _origin.GetLeftPart(UriPartial.Authority) + "/";
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // NonValidated lookups: the typed header properties allocate a collection even to say a header is absent.
        var headers = request.Headers;
        if (_authorization is not null && !headers.NonValidated.Contains(AuthorizationHeader) && IsSameOrigin(request.RequestUri))
        {
            headers.TryAddWithoutValidation(AuthorizationHeader, _authorization);
        }

        if (!headers.NonValidated.Contains(UserAgentHeader))
        {
            headers.TryAddWithoutValidation(UserAgentHeader, SentryUserAgent.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private bool IsSameOrigin(Uri? uri) =>
        uri is not null && uri.IsAbsoluteUri
        && (uri.OriginalString.StartsWith(_originPrefix, StringComparison.OrdinalIgnoreCase)

            // The prefix is only a shortcut (an explicit default port, say, does not match it): Uri decides the rest.
            || Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
}
