namespace Sentry.Management.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> and the library's User-Agent. The token goes only to the configured
/// Sentry origin and the regions asked for (<see cref="TokenOrigins"/>), so a URL from a response (a pagination link,
/// say) can never carry it elsewhere.
/// </summary>
internal sealed class AuthHandler : DelegatingHandler
{
    private const string AuthorizationHeader = "Authorization";
    private const string UserAgentHeader = "User-Agent";

    // Added as text: a typed value is formatted into a new string each time the request is written.
    private readonly string? _authorization;
    private readonly TokenOrigins _origins;

    internal AuthHandler(string? authToken, TokenOrigins origins)
    {
        _authorization = string.IsNullOrEmpty(authToken) ? null : "Bearer " + authToken;
        _origins = origins;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // NonValidated lookups: the typed header properties allocate a collection even to say a header is absent.
        var headers = request.Headers;
        if (_authorization is not null && !headers.NonValidated.Contains(AuthorizationHeader) && _origins.Allows(request.RequestUri))
        {
            headers.TryAddWithoutValidation(AuthorizationHeader, _authorization);
        }

        if (!headers.NonValidated.Contains(UserAgentHeader))
        {
            headers.TryAddWithoutValidation(UserAgentHeader, SentryUserAgent.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
