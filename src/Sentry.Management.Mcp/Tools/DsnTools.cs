using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>find_dsns, create_dsn, update_dsn, delete_dsn, send_test_event.</summary>
internal static class DsnTools
{
    private static readonly ToolParameter KeyId = ToolParameter.Text("keyId", "The client key's id (find_dsns shows it).", required: true);

    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "find_dsns",
            Title = "Find DSNs",
            Description = "List a project's client keys with their public DSNs (SENTRY_DSN for an SDK). Secret keys are never shown.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["project:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: true), Params.Cursor, Params.Limit()],
            OutputSchema = JsonSchemas.List(ProjectViews.KeySchema),
            Run = call => ListResult.PageAsync(
                call,
                pages => call.Org().Project(call.Project()).Keys.List(pages: pages), // facade: Project(p).Keys.List
                "DSNs of " + call.Project(),
                ProjectViews.Line,
                ProjectViews.Json),
        };

        yield return new ToolDefinition
        {
            Name = "create_dsn",
            Title = "Create a DSN",
            Description = "Create a client key (DSN) for a project, for example one per environment or app.",
            Kind = ToolKind.Additive,
            Scopes = ["project:write"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: true), ToolParameter.Text("name", "The key's name, such as 'Production'.", required: true)],
            OutputSchema = JsonSchemas.Single("key", ProjectViews.KeySchema),
            Run = async call =>
            {
                // facade: Project(p).Keys.CreateAsync
                var key = await call.Org().Project(call.Project()).Keys.CreateAsync(new ProjectKeyCreate { Name = call.RequiredText("name") }, call.CancellationToken)
                    .ConfigureAwait(false);
                return new ToolOutput($"# DSN created\n\n{ProjectViews.Line(key)}\n", new JsonObject { ["key"] = ProjectViews.Json(key) });
            },
        };

        yield return new ToolDefinition
        {
            Name = "update_dsn",
            Title = "Update a DSN",
            Description = "Rename, activate/deactivate or rate-limit a client key. Deactivating stops ingestion through it.",
            Kind = ToolKind.Destructive,
            Idempotent = true,
            Scopes = ["project:write"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Params.Project(required: true), KeyId,
                ToolParameter.Text("name", "The new name."),
                ToolParameter.Flag("isActive", "true to activate, false to deactivate."),
                ToolParameter.Integer("rateLimitWindow", "The rate-limit window in seconds (with rateLimitCount).", 0, 86_400),
                ToolParameter.Integer("rateLimitCount", "The most events accepted per window.", 0),
                ToolParameter.Text("browserSdkVersion", "The JavaScript loader's SDK version, such as 'latest' or '8.x'."),
            ],
            OutputSchema = JsonSchemas.Single("key", ProjectViews.KeySchema),
            Run = async call =>
            {
                var window = call.IntegerOrNull("rateLimitWindow");
                var count = call.IntegerOrNull("rateLimitCount");
                var update = new ProjectKeyUpdate
                {
                    Name = call.Text("name"),
                    IsActive = call.Flag("isActive"),
                    BrowserSdkVersion = call.Text("browserSdkVersion"),
                    RateLimit = window is null && count is null ? null : new ProjectKeyRateLimit { Window = window, Count = count },
                };
                // facade: Project(p).Keys.UpdateAsync
                var key = await call.Org().Project(call.Project()).Keys.UpdateAsync(call.RequiredText("keyId"), update, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# DSN updated\n\n{ProjectViews.Line(key)}\n", new JsonObject { ["key"] = ProjectViews.Json(key) });
            },
        };

        yield return new ToolDefinition
        {
            Name = "delete_dsn",
            Title = "Delete a DSN",
            Description = "Delete a client key for good: every SDK still configured with this DSN stops delivering events. Needs confirm: true.",
            Kind = ToolKind.Destructive,
            Idempotent = true,
            Scopes = ["project:admin"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: true), KeyId],
            OutputSchema = JsonSchemas.Object("deleted:string", "project:string"),
            Run = async call =>
            {
                var keyId = call.RequiredText("keyId");
                // facade: Project(p).Keys.DeleteAsync
                await call.Org().Project(call.Project()).Keys.DeleteAsync(keyId, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# DSN {keyId} deleted from {call.Project()}\n", new JsonObject { ["deleted"] = keyId, ["project"] = call.Project() });
            },
        };

        yield return new ToolDefinition
        {
            Name = "send_test_event",
            Title = "Send a test event",
            Description = "Send a test message event through a project's DSN (the first active key, or keyId) and report whether Sentry accepted it. Find it afterwards with search_issues query `message:\"<the message>\"`.",
            Kind = ToolKind.Additive,
            Scopes = ["project:read"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Params.Project(required: true),
                ToolParameter.Text("keyId", "The client key to send through; omit for the first active one."),
                ToolParameter.Text("message", "The event's message; default 'Sentry.Management MCP test event'."),
                ToolParameter.Text("environment", "The event's environment, such as 'staging'."),
            ],
            OutputSchema = JsonSchemas.Object("eventId:string", "accepted:boolean", "dsn:string", "message:string"),
            Run = SendTestEventAsync,
        };
    }

    private static async Task<ToolOutput> SendTestEventAsync(ToolCall call)
    {
        var organization = call.Organization;
        var project = call.Project();
        ProjectKey? key = null;
        if (call.Text("keyId") is { } keyId)
        {
            key = await call.Org(organization).Project(project).Keys.GetAsync(keyId, call.CancellationToken).ConfigureAwait(false); // facade: Project(p).Keys.GetAsync
        }
        else
        {
            await foreach (var candidate in call.Org(organization).Project(project).Keys.List().WithCancellation(call.CancellationToken).ConfigureAwait(false)) // facade: Project(p).Keys.List
            {
                if (candidate.IsActive != false && candidate.Dsn?.Public is not null)
                {
                    key = candidate;
                    break;
                }
            }
        }

        var dsn = key?.Dsn?.Public ?? throw new ToolInputException($"Project '{project}' has no active DSN; create one with create_dsn.");
        call.Clients.Hosts.CheckIngestHost(dsn);
        var message = call.Text("message") ?? "Sentry.Management MCP test event";
        var environment = call.Text("environment");
        // facade: the capture client for the DSN (CreateCaptureClient, unless a CaptureClientFactory replaces it)
        var capture = call.Clients.Capture(dsn.ToString(), o =>
        {
            o.Environment = environment;
            o.ServerName = "sentry-management-mcp";
        });
        await using (capture.ConfigureAwait(false))
        {
            var eventId = capture.CaptureMessage(message, EventLevel.Info);
            var settled = await capture.FlushAsync(TimeSpan.FromSeconds(15), call.CancellationToken).ConfigureAwait(false);
            var accepted = settled && capture.Counters.Delivered("error") > 0;
            var id = eventId.ToString("N", CultureInfo.InvariantCulture);
            var text = accepted
                ? $"# Test event accepted\n\nEvent `{id}` was delivered to `{dsn}`. Message: \"{message}\".\n"
                : $"# Test event NOT confirmed\n\nEvent `{id}` was not confirmed as delivered to `{dsn}` within 15 s (spooled {capture.Counters.Spooled("error")}, discarded {capture.Counters.DiscardedTotal("error")}). Check the DSN is active and ingestion is reachable.\n";
            return new ToolOutput(text, new JsonObject { ["eventId"] = id, ["accepted"] = accepted, ["dsn"] = dsn.ToString(), ["message"] = message });
        }
    }
}
