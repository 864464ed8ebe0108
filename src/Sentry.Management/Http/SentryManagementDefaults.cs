namespace Sentry.Management;

/// <summary>Well-known values shared by every part of the library.</summary>
public static class SentryManagementDefaults
{
    /// <summary>The base URL of Sentry's SaaS API: <c>https://sentry.io</c>.</summary>
    public static Uri SaasBaseUrl { get; } = new("https://sentry.io/");

    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> registered with <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Sentry.Management";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and logger category of API calls.</summary>
    public const string ActivitySourceName = "Sentry.Management";
}
