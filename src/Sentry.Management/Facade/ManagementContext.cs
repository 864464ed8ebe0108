using System.Collections.Concurrent;
using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>What every facade client of one <see cref="SentryManagementClient"/> shares: the HttpClient, the options, one Refit implementation per API.</summary>
internal sealed class ManagementContext
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<Type, object> _apis = new();

    internal ManagementContext(HttpClient http, SentryManagementOptions options)
    {
        _http = http;
        Options = options;
    }

    internal SentryManagementOptions Options { get; }

    /// <summary>The client's clock: workflows that stamp times (a release finalized "now") read it, so tests can fake it.</summary>
    internal TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal TApi Api<TApi>()
        where TApi : class =>
        (TApi)_apis.GetOrAdd(typeof(TApi), static (_, http) => SentryRefit.Create<TApi>(http), _http);
}
