using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sentry.Management.Http;

/// <summary>
/// Builds the one handler chain every API call goes through, outermost first: the resilience handler (the call's span
/// and log line around Polly's retries and timeouts, each attempt's rate limits inside them, typed errors after them),
/// then auth. Two handlers, not one per concern: each handler that awaits costs every call an async frame.
/// Shared state (the concurrency gate, the request window and the rate-limit monitor) lives here, so every HttpClient handed out by
/// IHttpClientFactory for this client observes the same limits.
/// </summary>
internal sealed class SentryHttpPipeline
{
    private readonly SentryManagementOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrencyGate _gate;
    private readonly RequestWindow _window = new();

    internal SentryHttpPipeline(SentryManagementOptions options, SentryRateLimitMonitor monitor, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        _options = options.Clone();
        RateLimits = monitor;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(SentryManagementDefaults.ActivitySourceName);
        _gate = new ConcurrencyGate(_options.MaxConcurrentRequests);
        TokenOrigins = new TokenOrigins(_options.BaseUrl);
    }

    internal SentryManagementOptions Options => _options;

    internal SentryRateLimitMonitor RateLimits { get; }

    internal TimeProvider TimeProvider => _timeProvider;

    /// <summary>Where the token may go: the base URL, and the regions added for <c>SentryManagementClient.ForRegion</c>.</summary>
    internal TokenOrigins TokenOrigins { get; }

    /// <summary>The handlers, outermost first, ready to be chained in front of a primary handler.</summary>
    internal IReadOnlyList<DelegatingHandler> CreateHandlers() =>
    [
        new ResilienceHandler(_options, _timeProvider, _logger, new RateLimiter(_gate, _window, RateLimits, _timeProvider, _options.MaxRateLimitWait)),
        new AuthHandler(_options.AuthToken, TokenOrigins),
    ];

    /// <summary>Chains the handlers in front of <paramref name="primary"/> (a socket handler of the library's when <see langword="null"/>) and returns the outermost.</summary>
    internal HttpMessageHandler CreateHandlerChain(HttpMessageHandler? primary)
    {
        HttpMessageHandler inner = primary ?? CreatePrimaryHandler();
        var handlers = CreateHandlers();
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    /// <summary>Sets what every HttpClient of this pipeline needs: the base URL, and no timeout of its own (Polly owns time).</summary>
    internal void Configure(HttpClient client) => Configure(client, _options.BaseUrl);

    /// <summary>As <see cref="Configure(HttpClient)"/>, for a region of the same Sentry (<paramref name="baseUrl"/>).</summary>
    internal static void Configure(HttpClient client, Uri baseUrl)
    {
        client.BaseAddress = BaseAddress(baseUrl);
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// A socket handler that recycles connections, so a long-lived client still follows DNS changes. Its own
    /// decompression stays off: the resilience handler asks for compressed answers and decodes them
    /// (<see cref="DecodedResponseContent"/>), for less than the socket handler's typed headers cost every call.
    /// (With handlers added through dependency injection it is turned on: they expect decoded answers.)
    /// </summary>
    internal static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        AllowAutoRedirect = false,
    };

    /// <summary>Ensures a trailing slash, so a self-hosted path prefix such as <c>/sentry/</c> is kept.</summary>
    internal static Uri BaseAddress(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
