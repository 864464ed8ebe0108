using System.Text.Json;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace Sentry.Management.Tests.TestSupport;

internal static class MockExtensions
{
    /// <summary>Matches a request whose JSON body equals <paramref name="json"/> (property order and whitespace ignored).</summary>
    internal static MockedRequest WithJsonBody(this MockedRequest request, string json) =>
        request.With(message =>
        {
            var body = message.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            return body is not null && JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(json));
        });

    /// <summary>Matches a request with no query string at all.</summary>
    internal static MockedRequest WithoutQuery(this MockedRequest request) =>
        request.With(message => string.IsNullOrEmpty(message.RequestUri!.Query));

    internal static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
