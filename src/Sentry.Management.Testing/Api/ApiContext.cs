using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>One management request as a handler sees it: route values, query, body, the server's state and answers.</summary>
internal sealed class ApiContext(HttpContext http, LocalServerState state)
{
    public HttpContext Http { get; } = http;

    public LocalServerState State { get; } = state;

    public LocalData Data => State.Data;

    public DateTimeOffset Now => State.Now;

    /// <summary>A route value such as <c>{org}</c>; a missing one is a bug in the route, so it throws.</summary>
    public string Route(string name) =>
        Http.Request.RouteValues.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text
            ? Uri.UnescapeDataString(text)
            : throw new InvalidOperationException($"Route value '{name}' is missing.");

    /// <summary>A query parameter, or <see langword="null"/> when absent or empty.</summary>
    public string? Query(string name) => Http.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Every value of a repeated query parameter (<c>id=1&amp;id=2</c>).</summary>
    public IReadOnlyList<string> QueryAll(string name) =>
        [.. Http.Request.Query[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    /// <summary>The request body as a JSON object; 400 when it is not one.</summary>
    public async Task<JsonObject> BodyAsync() =>
        await ApiJson.ReadAsync(Http).ConfigureAwait(false) as JsonObject ?? throw ApiProblem.BadRequest("The request body must be a JSON object.");

    /// <summary>The organization named by the <c>{org}</c> route value (slug or id); 404 when there is none.</summary>
    public StoredOrganization Organization() =>
        Data.FindOrganization(Route("org")) ?? throw ApiProblem.NotFound();

    /// <summary>The project named by the <c>{org}</c> and <c>{project}</c> route values; 404 when there is none.</summary>
    public StoredProject Project()
    {
        var organization = Organization();
        return Data.FindProject(organization, Route("project")) ?? throw ApiProblem.NotFound();
    }

    public Task OkAsync(JsonNode? body, int statusCode = 200) => ApiJson.WriteAsync(Http, body, statusCode);

    /// <summary>Answers one page of <paramref name="items"/> as a JSON array, with the <c>Link</c> header.</summary>
    public Task PageAsync<T>(IReadOnlyList<T> items, Func<T, JsonNode> write, int defaultLimit = Pagination.DefaultLimit)
    {
        var page = Pagination.Page(Http, items, defaultLimit);
        var array = new JsonArray();
        foreach (var item in page)
        {
            array.Add(write(item));
        }

        return OkAsync(array);
    }

    public Task NoContentAsync()
    {
        Http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task AcceptedAsync()
    {
        Http.Response.StatusCode = StatusCodes.Status202Accepted;
        return Task.CompletedTask;
    }
}
