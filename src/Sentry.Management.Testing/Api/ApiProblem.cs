using System.Text.Json.Nodes;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Thrown by a handler to answer with Sentry's error shape, <c>{"detail": "…"}</c> (or a validation body such as
/// <c>{"status": ["…"]}</c>), and a status code; the route builder turns it into the response, so handlers read
/// straight through their checks.
/// </summary>
internal sealed class ApiProblem(int statusCode, string detail, JsonObject? body = null) : Exception(detail)
{
    public const string NotFoundDetail = "The requested resource does not exist";

    public int StatusCode { get; } = statusCode;

    public string Detail { get; } = detail;

    /// <summary>The body to send; <c>{"detail": Detail}</c> when not given.</summary>
    public JsonObject Body => body?.DeepClone().AsObject() ?? new JsonObject { ["detail"] = Detail };

    public static ApiProblem NotFound() => new(404, NotFoundDetail);

    public static ApiProblem BadRequest(string detail) => new(400, detail);

    /// <summary>A 400 in Django REST framework's validation shape, which Sentry uses for bad fields: <c>{"field": ["message"]}</c>.</summary>
    public static ApiProblem Invalid(string field, string message) =>
        new(400, $"{field}: {message}", new JsonObject { [field] = new JsonArray(message) });
}
