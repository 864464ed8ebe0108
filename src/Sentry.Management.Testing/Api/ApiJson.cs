using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sentry.Management.Testing.Api;

/// <summary>Writing Sentry's JSON: its date format and the response body.</summary>
internal static class ApiJson
{
    // Sentry (Python's json) leaves quotes, apostrophes and angle brackets as they are; so does this server.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Sentry's timestamp format, <c>2026-12-01T07:14:43.123456Z</c>.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Date(DateTimeOffset? value) => value is { } v ? JsonValue.Create(Date(v)) : null;

    public static async Task WriteAsync(HttpContext context, JsonNode? body, int statusCode = 200)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            if (body is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                body.WriteTo(writer);
            }
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteDetailAsync(HttpContext context, int statusCode, string detail) =>
        WriteAsync(context, new JsonObject { ["detail"] = detail }, statusCode);

    /// <summary>Reads a request body as JSON; an empty body is an empty object.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0)
        {
            return new JsonObject();
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return JsonNode.Parse(document.RootElement.GetRawText());
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest("Invalid JSON: " + e.Message);
        }
    }

    /// <summary>Parses stored JSON text into a node (the empty object when it is not an object).</summary>
    public static JsonObject ParseObject(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
