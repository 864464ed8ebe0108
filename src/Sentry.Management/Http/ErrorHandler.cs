namespace Sentry.Management.Http;

/// <summary>
/// Turns the final error response (after retries) into a <see cref="SentryApiException"/>, so every caller,
/// Refit interface or area client, sees the same typed errors.
/// </summary>
internal sealed class ErrorHandler : DelegatingHandler
{
    private readonly string? _authToken;
    private readonly TimeProvider _timeProvider;

    internal ErrorHandler(string? authToken, TimeProvider timeProvider)
    {
        _authToken = authToken;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorResponseParser.CreateExceptionAsync(request, response, _authToken, _timeProvider.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
