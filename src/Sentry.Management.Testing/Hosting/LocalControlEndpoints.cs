using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sentry.Management.Testing.Api;

namespace Sentry.Management.Testing.Hosting;

/// <summary>
/// The local server's own endpoints under <c>/_local/</c> (not Sentry's API, no auth: loopback only):
/// health, fault switches, and a count of what was received.
/// </summary>
internal static class LocalControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, LocalServerState state)
    {
        routes.MapGet("/_local/health", http => ApiJson.WriteAsync(http, new JsonObject { ["status"] = "ok" }));
        routes.MapGet("/_local/faults", http => ApiJson.WriteAsync(http, Describe(state)));
        routes.MapPost("/_local/faults", http => ApplyAsync(http, state));
        routes.MapDelete("/_local/faults", http =>
        {
            state.Faults.Clear();
            return ApiJson.WriteAsync(http, Describe(state));
        });
        routes.MapGet("/_local/received", http => ApiJson.WriteAsync(http, new JsonObject
        {
            ["envelopes"] = state.Received.Envelopes.Count,
            ["events"] = state.Received.Events.Count,
            ["transactions"] = state.Received.Transactions.Count,
            ["sessions"] = state.Received.Sessions.Count,
            ["logs"] = state.Received.Logs.Count,
            ["metrics"] = state.Received.Metrics.Count,
            ["clientReports"] = state.Received.ClientReports.Count,
            ["attachments"] = state.Received.Attachments.Count,
            ["rejected"] = state.Received.Rejections.Count,
        }));
    }

    /// <summary>Takes <c>{"fault": "ingestion:rate-limit=60;times=2"}</c> or <c>{"faults": [ … ]}</c>.</summary>
    private static async Task ApplyAsync(HttpContext http, LocalServerState state)
    {
        var body = await ApiJson.ReadAsync(http).ConfigureAwait(false) as JsonObject;
        var specs = new List<string>();
        if (body?["fault"] is JsonValue single && single.TryGetValue<string>(out var one))
        {
            specs.Add(one);
        }

        if (body?["faults"] is JsonArray many)
        {
            specs.AddRange(many.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0));
        }

        if (specs.Count == 0)
        {
            await ApiJson.WriteDetailAsync(http, 400, "Send {\"fault\": \"" + Faults.FaultSpec.Syntax + "\"} or {\"faults\": [...]}.").ConfigureAwait(false);
            return;
        }

        try
        {
            foreach (var spec in specs)
            {
                state.Faults.Apply(spec);
            }
        }
        catch (ArgumentException e)
        {
            await ApiJson.WriteDetailAsync(http, 400, e.Message).ConfigureAwait(false);
            return;
        }

        await ApiJson.WriteAsync(http, Describe(state)).ConfigureAwait(false);
    }

    private static JsonObject Describe(LocalServerState state) => new()
    {
        ["ingestion"] = state.Faults.Ingestion.ToString(),
        ["management"] = state.Faults.Management.ToString(),
    };
}
