using System.Text.Json.Serialization;
using Refit;

namespace Sentry.Management.Api;

/// <summary>
/// Creates the source-generated Refit implementations of the API interfaces over an <see cref="HttpClient"/>
/// (typically one from the Sentry.Management pipeline). No reflection is involved, so it is safe for Native AOT.
/// </summary>
public static class SentryRefit
{
    /// <summary>Creates the Refit implementation of <typeparamref name="TApi"/>, one of this library's API interfaces.</summary>
    /// <typeparam name="TApi">An API interface such as <see cref="IOrganizationsApi"/>.</typeparam>
    /// <param name="httpClient">The client to send with; its base address must be the Sentry URL.</param>
    /// <returns>The implementation.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TApi"/> is not one of this library's API interfaces.</exception>
    public static TApi Create<TApi>(HttpClient httpClient)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var context = SentryAreas.Find(typeof(TApi))?.Json
            ?? throw new ArgumentException($"{typeof(TApi).Name} is not a Sentry.Management API interface.", nameof(TApi));
        return RestService.ForGenerated<TApi>(httpClient, Settings(context));
    }

    /// <summary>Refit settings for the library's interfaces: generated JSON, buffered bodies (so retries can resend them), and exceptions from the pipeline passed through unchanged.</summary>
    internal static RefitSettings Settings(JsonSerializerContext context)
    {
        var settings = RefitSettings.ForJsonContext(context);
        settings.Buffered = true;
        settings.UrlParameterFormatter = new SentryUrlParameterFormatter();

        // The pipeline already turned failures into SentryApiException / TimeoutException / HttpRequestException;
        // wrapping them again would hide the typed error from callers.
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }
}
