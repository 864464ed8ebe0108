using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Sentry.Management.Testing.Api;
using Sentry.Management.Testing.Faults;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>
/// Where SDKs send data: <c>POST /api/{project_id}/envelope/</c> and the legacy <c>POST /api/{project_id}/store/</c>.
/// Auth is the project's client key; a malformed body gets 400 with the reason and is counted in
/// <see cref="LocalSentryReceived.Rejections"/>.
/// </summary>
internal static class IngestionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, LocalServerState state)
    {
        var processor = new EnvelopeProcessor(state);
        var logger = state.LoggerFactory.CreateLogger("Sentry.Management.Testing.Ingestion");
        routes.MapPost("/api/{projectId:long}/envelope/", http => HandleAsync(http, state, processor, logger, isStore: false));
        routes.MapPost("/api/{projectId:long}/store/", http => HandleAsync(http, state, processor, logger, isStore: true));
    }

    private static async Task HandleAsync(HttpContext http, LocalServerState state, EnvelopeProcessor processor, ILogger logger, bool isStore)
    {
        var projectId = http.Request.RouteValues["projectId"]?.ToString() ?? "";
        var key = IngestionAuth.PublicKey(http.Request);
        if (key is null)
        {
            await RejectAsync(http, state, logger, 401, "missing authorization information: send X-Sentry-Auth or the sentry_key query parameter").ConfigureAwait(false);
            return;
        }

        var stored = state.Data.Keys.Find(key);
        var project = stored is { IsActive: true } && stored.ProjectId == projectId ? state.Data.Projects.Find(projectId) : null;
        if (project is null)
        {
            await RejectAsync(http, state, logger, 401, stored is null ? "unknown sentry_key" : "the sentry_key is disabled or belongs to another project").ConfigureAwait(false);
            return;
        }

        EnvelopeProcessor.Result result;
        var limit = http.Items[FaultMiddleware.CategoryLimitItem] as FaultDecision;
        try
        {
            var body = await RequestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            var envelope = isStore ? FromStoreBody(body) : EnvelopeParser.Parse(body);
            result = processor.Process(project, envelope, limit?.Categories ?? []);
            if (limit is not null)
            {
                http.Response.Headers["X-Sentry-Rate-Limits"] = FaultMiddleware.RateLimitsHeader(limit.RetryAfter, limit.Categories);
                if (result.AcceptedItems == 0 && envelope.Items.Count > 0)
                {
                    http.Response.Headers.RetryAfter = FaultMiddleware.Seconds(limit.RetryAfter).ToString(CultureInfo.InvariantCulture);
                    await ApiJson.WriteDetailAsync(http, StatusCodes.Status429TooManyRequests, "event submission rejected: rate limited").ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (EnvelopeFormatException e)
        {
            await RejectAsync(http, state, logger, 400, e.Message).ConfigureAwait(false);
            return;
        }

        var answer = new JsonObject();
        if (result.EventId is { } id)
        {
            answer["id"] = id;
        }

        await ApiJson.WriteAsync(http, answer).ConfigureAwait(false);
    }

    private static async Task RejectAsync(HttpContext http, LocalServerState state, ILogger logger, int status, string reason)
    {
        state.Received.Reject(new ReceivedRejection(status, reason, state.Now));
        Log.Rejected(logger, http.Request.Path.Value, status, reason);

        // SDKs log this header (Relay sends it), so the reason shows up on the client side too.
        // Header values must be printable ASCII; the body keeps the reason as it is.
        http.Response.Headers["X-Sentry-Error"] = new string([.. reason.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        await ApiJson.WriteDetailAsync(http, status, reason).ConfigureAwait(false);
    }

    /// <summary>A <c>/store/</c> body is one event: JSON, or (very old SDKs) base64 of zlib-compressed JSON.</summary>
    private static ParsedEnvelope FromStoreBody(ReadOnlyMemory<byte> body)
    {
        var trimmed = body.Span.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            throw new EnvelopeFormatException("empty event");
        }

        ReadOnlyMemory<byte> json = body;
        if (trimmed[0] != (byte)'{')
        {
            try
            {
                var compressed = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(trimmed));
                using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                json = output.ToArray();
            }
            catch (Exception e) when (e is FormatException or InvalidDataException)
            {
                throw new EnvelopeFormatException("the event is neither JSON nor base64 zlib-compressed JSON");
            }
        }

        string type;
        try
        {
            using var document = JsonDocument.Parse(json);
            type = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "transaction"
                ? "transaction"
                : "event";
        }
        catch (JsonException e)
        {
            throw new EnvelopeFormatException($"the event is not valid JSON: {e.Message}");
        }

        using var empty = JsonDocument.Parse("{}");
        using var header = JsonDocument.Parse($$"""{"type":"{{type}}"}""");
        return new ParsedEnvelope(empty.RootElement.Clone(), [new ParsedItem(type, header.RootElement.Clone(), json)]);
    }
}
