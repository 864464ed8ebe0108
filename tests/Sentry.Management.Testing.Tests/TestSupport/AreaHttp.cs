using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>What the management area tests need beyond <see cref="LocalSentryHttp"/>: an issue to point at, and answers with headers.</summary>
internal static class AreaHttp
{
    /// <summary>Sends an error event and returns the id of the issue it was grouped into.</summary>
    public static async Task<string> CreateIssueAsync(this LocalSentryHttp http, LocalSentry sentry, string message = "Checkout failed")
    {
        var before = sentry.Received.Events.Count;
        using var response = await http.PostEnvelopeAsync(Envelopes.Event(new { message, level = "error", platform = "csharp" }));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var events = await sentry.Received.WaitForEventsAsync(before + 1, TimeSpan.FromSeconds(10));
        return events[^1].IssueId ?? throw new InvalidOperationException("The event was not grouped into an issue.");
    }

    /// <summary>One call with its status, JSON body and headers (for <c>Link</c>).</summary>
    public static async Task<(int Status, JsonElement Body, HttpResponseHeaders Headers)> CallAsync(this LocalSentryHttp http, LocalSentry sentry, string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sentry.AuthToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await http.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers);
    }
}
