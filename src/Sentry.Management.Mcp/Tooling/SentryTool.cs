using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// A tool built from a <see cref="ToolDefinition"/> without reflection: the input schema is written from the
/// parameter list (minus the pinned ones), arguments are read from JSON, and every call runs through the same
/// constraint, confirm, error and budget handling.
/// </summary>
internal sealed class SentryTool : McpServerTool
{
    private readonly ToolDefinition _definition;
    private readonly SentryMcpOptions _options;
    private readonly Tool _tool;

    public SentryTool(ToolDefinition definition, SentryMcpOptions options)
    {
        _definition = definition;
        _options = options;
        _tool = new Tool
        {
            Name = definition.Name,
            Title = definition.Title,
            Description = definition.Description,
            InputSchema = JsonElement.Parse(InputSchema(definition, options).ToJsonString()),
            OutputSchema = JsonElement.Parse(definition.OutputSchema.ToJsonString()),
            Annotations = new ToolAnnotations
            {
                Title = definition.Title,
                ReadOnlyHint = definition.ReadOnly,
                DestructiveHint = definition.Destructive,
                IdempotentHint = definition.Idempotent,
                OpenWorldHint = true,
            },
        };
    }

    public override Tool ProtocolTool => _tool;

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? throw new InvalidOperationException("The MCP server has no service provider; register the tools with AddSentryManagementTools.");
        var clients = services.GetRequiredService<SentryClients>();
        IReadOnlyDictionary<string, JsonElement> arguments = request.Params?.Arguments is { } given ? given.AsReadOnly() : new Dictionary<string, JsonElement>();
        var call = new ToolCall(_definition, arguments, clients, request.Server, request.Params?.ProgressToken, cancellationToken);
        ToolOutput output;
        try
        {
            output = Refusal(call) ?? await _definition.Run(call).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the client cancelled: the SDK answers the request as cancelled
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            output = ToolOutput.Error(await ToolErrors.DescribeAsync(exception, call).ConfigureAwait(false));
        }

        return Result(output, clients.Root.Options.AuthToken);
    }

    /// <summary>The input schema: the definition's parameters minus those a constraint pins, plus <c>confirm</c> for destructive tools.</summary>
    internal static JsonObject InputSchema(ToolDefinition definition, SentryMcpOptions options)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var parameter in definition.Parameters.Where(p => !IsPinned(p, options)))
        {
            properties[parameter.Name] = parameter.Schema.DeepClone();
            if (parameter.Required)
            {
                required.Add((JsonNode)parameter.Name);
            }
        }

        if (definition.Destructive)
        {
            properties["confirm"] = new JsonObject
            {
                ["type"] = "boolean",
                ["description"] = definition.Kind == ToolKind.DestructiveWithDryRun
                    ? "false or absent: a dry run that lists what would change. true: apply the change."
                    : "Must be true: this tool overwrites or removes data in Sentry. Without it nothing is changed.",
            };
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private static bool IsPinned(ToolParameter parameter, SentryMcpOptions options) => parameter.Pin switch
    {
        ParameterPin.Organization => options.Organization is not null,
        ParameterPin.Project => options.Project is not null,
        _ => false,
    };

    private static CallToolResult Result(ToolOutput output, string? token)
    {
        var text = ToolErrors.Mask(output.Markdown, token);
        var structured = ToolErrors.Mask(output.Structured.ToJsonString(), token);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = output.IsError ? null : JsonElement.Parse(structured),
            IsError = output.IsError,
        };
    }

    /// <summary>Refuses a call that breaks a constraint or lacks confirm, before anything is sent to Sentry.</summary>
    private ToolOutput? Refusal(ToolCall call)
    {
        if (_options.Organization is { } organization && call.RawText("organizationSlug") is { } asked && !string.Equals(asked, organization, StringComparison.Ordinal))
        {
            return ToolOutput.Error($"This server is constrained to organization '{organization}'; '{asked}' is not available.");
        }

        if (_options.Project is { } project)
        {
            foreach (var name in new[] { "projectSlug", "projectSlugOrId" })
            {
                if (call.RawText(name) is { } value && !string.Equals(value, project, StringComparison.Ordinal))
                {
                    return ToolOutput.Error($"This server is constrained to project '{project}'; '{value}' is not available.");
                }
            }
        }

        if (_definition.Kind == ToolKind.Destructive && !call.Confirmed)
        {
            var arguments = string.Join(", ", call.Arguments.Where(a => a.Key != "confirm").Select(a => a.Key + "=" + a.Value.GetRawText()));
            return ToolOutput.Error($"Not applied: {_definition.Name} overwrites or removes data in Sentry ({arguments}). Check with the user, then call it again with the same arguments and confirm: true.");
        }

        return null;
    }
}
