using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Sentry.Management.Mcp.Tests.TestSupport;

/// <summary>
/// The Sentry the in-process tests talk to: MockHttp answering the routes each test sets up. The one place to switch
/// the happy paths to the local Sentry (Sentry.Management.Testing) once it lands: give the harness its URL and token.
/// </summary>
public sealed class SentryBackend : IDisposable
{
    public const string BaseUrl = "https://sentry.io";
    public const string Token = "fake-test_token_0123456789abcdef";

    public MockHttpMessageHandler Mock { get; } = new();

    public List<HttpRequestMessage> Requests { get; } = [];

    public SentryBackend()
    {
        Mock.Fallback.Respond(request =>
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent($"{{\"detail\":\"no fake route for {request.Method} {request.RequestUri?.AbsolutePath}\"}}", Encoding.UTF8, "application/json"),
            };
        });
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with JSON, optionally with a Link header to a next page.</summary>
    public MockedRequest Answer(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK, string? nextCursor = null) =>
        Mock.When(method, BaseUrl + path).Respond(request =>
        {
            Requests.Add(request);
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (nextCursor is not null)
            {
                response.Headers.TryAddWithoutValidation(
                    "Link",
                    $"<{BaseUrl}{path}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <{BaseUrl}{path}?cursor={nextCursor}>; rel=\"next\"; results=\"true\"; cursor=\"{nextCursor}\"");
            }

            return response;
        });

    public MockedRequest Get(string path, string json, string? nextCursor = null) => Answer(HttpMethod.Get, path, json, nextCursor: nextCursor);

    public void Dispose() => Mock.Dispose();
}
