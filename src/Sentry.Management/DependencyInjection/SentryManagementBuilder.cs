using Microsoft.Extensions.DependencyInjection;

namespace Sentry.Management.DependencyInjection;

internal sealed class SentryManagementBuilder(IServiceCollection services, IHttpClientBuilder httpClient) : ISentryManagementBuilder
{
    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClient { get; } = httpClient;
}
