using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>One invocation: typed access to the arguments, the organization and project in effect, the client for the region, progress.</summary>
internal sealed class ToolCall
{
    private readonly IReadOnlyDictionary<string, JsonElement> _arguments;
    private readonly McpServer? _server;
    private readonly ProgressToken? _progressToken;

    public ToolCall(
        ToolDefinition tool,
        IReadOnlyDictionary<string, JsonElement> arguments,
        SentryClients clients,
        McpServer? server,
        ProgressToken? progressToken,
        CancellationToken cancellationToken)
    {
        Tool = tool;
        _arguments = arguments;
        Clients = clients;
        _server = server;
        _progressToken = progressToken;
        CancellationToken = cancellationToken;
    }

    public ToolDefinition Tool { get; }

    public SentryClients Clients { get; }

    public SentryMcpOptions Options => Clients.Options;

    public CancellationToken CancellationToken { get; }

    public TimeProvider Time => Options.TimeProvider ?? TimeProvider.System;

    /// <summary>The client for the call's <c>regionUrl</c> (checked against the host allow-list), else the configured one.</summary>
    public SentryManagementClient Sentry => Clients.For(Text("regionUrl"));

    /// <summary>The scoped client for <paramref name="organization"/>, else for the organization in effect (<see cref="Organization"/>).</summary>
    public OrganizationClient Org(string? organization = null) => Sentry.Organization(organization ?? Organization);

    /// <summary>The token's identity; with <paramref name="organization"/>, also whether that organization is reachable.</summary>
    public Task<SentryIdentity> CheckIdentityAsync(string? organization) =>
        organization is null ? Sentry.Identity.CheckAsync(CancellationToken) : Sentry.Organization(organization).CheckAccessAsync(CancellationToken); // facade: Identity.CheckAsync / Organization(o).CheckAccessAsync

    public bool Confirmed => Flag("confirm") == true;

    /// <summary>The organization: the constraint, else the argument, else the client's default; one of them is required.</summary>
    public string Organization
    {
        get
        {
            var value = OrganizationOrNull;
            return value ?? throw new ToolInputException(
                "organizationSlug is required: pass it (find_organizations lists them) or start the server with --organization / SENTRY_ORG.");
        }
    }

    public string? OrganizationOrNull => Options.Organization ?? Text("organizationSlug") ?? NullIfEmpty(Clients.Root.Options.Organization);

    /// <summary>The project: the constraint, else the argument named <paramref name="name"/>.</summary>
    public string? ProjectOrNull(string name = "projectSlug") => Options.Project ?? Text(name);

    public string Project(string name = "projectSlug") =>
        ProjectOrNull(name) ?? throw new ToolInputException($"{name} is required: pass it (find_projects lists them) or start the server with --project.");

    public bool Has(string name) => _arguments.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public string? Text(string name)
    {
        if (!_arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(value.GetString()?.Trim()),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new ToolInputException($"{name} must be a string."),
        };
    }

    public string RequiredText(string name) => Text(name) ?? throw new ToolInputException($"{name} is required.");

    public int Integer(string name, int defaultValue, int min, int max)
    {
        var value = IntegerOrNull(name) ?? defaultValue;
        if (value < min || value > max)
        {
            throw new ToolInputException(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max} (was {value})."));
        }

        return value;
    }

    public int? IntegerOrNull(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new ToolInputException($"{name} must be a whole number.");
    }

    public double? NumberOrNull(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw new ToolInputException($"{name} must be a number.");
    }

    public bool? Flag(string name)
    {
        if (!_arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new ToolInputException($"{name} must be true or false."),
        };
    }

    public IReadOnlyList<string> TextList(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            // Models often pass "a,b" where a list is expected; accept it rather than fail the call.
            return [.. (value.GetString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ToolInputException($"{name} must be a list of strings.");
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Number => item.GetRawText(),
                _ => throw new ToolInputException($"{name} must be a list of strings."),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                list.Add(text.Trim());
            }
        }

        return list;
    }

    public IReadOnlyList<JsonElement> Objects(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            throw new ToolInputException($"{name} must be a list of objects.");
        }

        return [.. value.EnumerateArray()];
    }

    /// <summary>Reports progress when the client asked for it (a progress token); cancellation of the call stops the report, not the work.</summary>
    public async Task ProgressAsync(double progress, double? total, string message)
    {
        if (_server is null || _progressToken is not { } token)
        {
            return;
        }

        await _server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = (float)progress, Total = total is { } t ? (float)t : null, Message = message }, cancellationToken: CancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The slug or id arguments of this call, for a not-found message that shows what was looked up.</summary>
    public IEnumerable<string> IdentifyingArguments()
    {
        if (OrganizationOrNull is { } organization)
        {
            yield return "organizationSlug=" + organization;
        }

        foreach (var (name, value) in _arguments)
        {
            if (name != "organizationSlug" && (name.EndsWith("Slug", StringComparison.Ordinal) || name.EndsWith("Id", StringComparison.Ordinal)
                || name.EndsWith("OrId", StringComparison.Ordinal) || name is "releaseVersion" or "version" or "issueUrl" or "ruleIdOrName" or "keyId")
                && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                yield return name + "=" + (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
            }
        }

        if (Options.Project is { } project)
        {
            yield return "projectSlug=" + project;
        }
    }

    /// <summary>Arguments named but not pinned, for checks against the constraints.</summary>
    internal string? RawText(string name) =>
        _arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? NullIfEmpty(value.GetString()) : null;

    internal IReadOnlyDictionary<string, JsonElement> Arguments => _arguments;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
