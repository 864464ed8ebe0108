using System.Text.Json.Nodes;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// A problem Sentry answers with a body other than <c>{"detail": …}</c>: Django REST Framework's validation shape
/// <c>{"slug": ["…"]}</c>, or a 409 with both forms. Handlers mapped through <see cref="AreaRoutes"/> may throw it.
/// </summary>
internal sealed class ApiFieldProblem(int statusCode, JsonObject body) : Exception(body.ToJsonString())
{
    public int StatusCode { get; } = statusCode;

    public JsonObject Body { get; } = body;

    /// <summary>A 400 naming one field and what is wrong with it.</summary>
    public static ApiFieldProblem Field(string field, string message) => new(400, new JsonObject { [field] = new JsonArray(message) });

    /// <summary>A 400 for a required field that is missing, worded as Sentry words it.</summary>
    public static ApiFieldProblem Required(string field) => Field(field, "This field is required.");

    /// <summary>A 409 with the message both as <c>detail</c> and as <c>non_field_errors</c>, as Sentry's slug conflicts read.</summary>
    public static ApiFieldProblem Conflict(string message) =>
        new(409, new JsonObject { ["non_field_errors"] = new JsonArray(message), ["detail"] = message });
}
