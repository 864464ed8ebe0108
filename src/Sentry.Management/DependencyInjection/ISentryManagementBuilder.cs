namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddSentryManagement</c> to chain more configuration onto the registration.</summary>
public interface ISentryManagementBuilder
{
    /// <summary>The service collection the library was added to.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The named HttpClient every API call goes through. Add your own handlers here (they run inside the library's
    /// retry and rate-limit handling, once per attempt), or configure the primary handler (proxy, certificates).
    /// </summary>
    IHttpClientBuilder HttpClient { get; }
}
