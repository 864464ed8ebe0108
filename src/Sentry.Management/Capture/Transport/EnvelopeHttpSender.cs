using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Sentry.Management.Http;

namespace Sentry.Management.Capture.Transport;

/// <summary>How one HTTP attempt ended.</summary>
internal enum SendResult
{
    Delivered,
    RateLimited,
    NetworkError,
    ServerError,
    Rejected,
}

/// <summary>Posts envelope bodies to the DSN's envelope endpoint with the <c>X-Sentry-Auth</c> header, and reads rate limits from every answer.</summary>
internal sealed class EnvelopeHttpSender : IDisposable
{
    private static readonly MediaTypeHeaderValue EnvelopeType = new("application/x-sentry-envelope");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly string _auth;
    private readonly RateLimiter _limits;
    private readonly Deadlines _deadlines;
    private readonly TimeSpan _timeout;

    public EnvelopeHttpSender(SentryDsn dsn, HttpClient http, bool ownsHttp, TimeSpan timeout, RateLimiter limits, TimeProvider time)
    {
        _http = http;

        // Each send's timeout runs on the client's TimeProvider (HttpClient's own would run on the system clock).
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _timeout = timeout;
        _deadlines = new Deadlines(time);
        _ownsHttp = ownsHttp;
        _endpoint = dsn.EnvelopeUri;
        _auth = SentryAuthHeader.Create(dsn);
        _limits = limits;
    }

    // The request is built and the answer read in optimized helpers: the async method's state machine runs as
    // unoptimized code until tiered compilation reaches it, which a burst of errors in a fresh process never waits for.
    public async Task<SendResult> SendAsync(OutgoingEnvelope envelope, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(envelope);
        var deadline = _deadlines.Start(_timeout, cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return Read(response);
        }
        catch (HttpRequestException)
        {
            return SendResult.NetworkError;
        }
        catch (IOException)
        {
            return SendResult.NetworkError;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The send's own timeout.
            return SendResult.NetworkError;
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private HttpRequestMessage CreateRequest(OutgoingEnvelope envelope)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            // Over TLS, HTTP/2 carries the concurrent sends on one connection; plain http stays on HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        UntracedRequest.Mark(request);
        request.Headers.TryAddWithoutValidation("X-Sentry-Auth", _auth);
        var content = new ByteArrayContent(envelope.Body);
        content.Headers.ContentType = EnvelopeType;
        if (envelope.Gzipped)
        {
            // A constant, known-good value: no parsing per request.
            content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");
        }

        request.Content = content;
        return request;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SendResult Read(HttpResponseMessage response)
    {
        _limits.Update(response);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => SendResult.RateLimited,
            _ when status is >= 200 and < 300 => SendResult.Delivered,
            _ when status >= 500 => SendResult.ServerError,
            _ => SendResult.Rejected,
        };
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
