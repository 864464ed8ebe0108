using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>Raw HTTP against a local Sentry, for tests of the wire format (the SDK tests use real clients instead).</summary>
internal sealed class LocalSentryHttp(LocalSentry sentry) : IDisposable
{
    private readonly Contract.SchemaCheckingHandler _schema = new(new HttpClientHandler());
    private HttpClient? _client;

    // Every management response goes through the schema check (Contract/SchemaCheckingHandler).
    public HttpClient Client => _client ??= new HttpClient(_schema) { BaseAddress = sentry.Url };

    /// <summary>What the schema judged among this client's responses (every test's are also judged for the run).</summary>
    public Contract.SchemaCheckingHandler Schema => _schema;

    public string PublicKey => new Uri(sentry.Dsn).UserInfo;

    public async Task<HttpResponseMessage> PostEnvelopeAsync(byte[] body, bool gzip = false, bool auth = true, string? projectId = null)
    {
        var content = new ByteArrayContent(gzip ? Gzip(body) : body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-sentry-envelope");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/{projectId ?? sentry.Project.Id}/envelope/") { Content = content };
        if (auth)
        {
            request.Headers.TryAddWithoutValidation("X-Sentry-Auth", $"Sentry sentry_version=7, sentry_client=tests/1.0, sentry_key={PublicKey}");
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEnvelopeAsync(string body, bool gzip = false, bool auth = true) =>
        PostEnvelopeAsync(Encoding.UTF8.GetBytes(body), gzip, auth);

    public async Task<HttpResponseMessage> GetAsync(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? sentry.AuthToken);
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<(int Status, JsonElement Body)> SendJsonAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sentry.AuthToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Dispose() => _client?.Dispose();

    public static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
