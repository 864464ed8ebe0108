namespace Sentry.Management.Testing.Api;

/// <summary>
/// Thrown by a handler to answer with Sentry's error shape, <c>{"detail": "…"}</c>, and a status code; the route
/// builder turns it into the response, so handlers read straight through their checks.
/// </summary>
internal sealed class ApiProblem(int statusCode, string detail) : Exception(detail)
{
    public const string NotFoundDetail = "The requested resource does not exist";

    public int StatusCode { get; } = statusCode;

    public string Detail { get; } = detail;

    public static ApiProblem NotFound() => new(404, NotFoundDetail);

    public static ApiProblem BadRequest(string detail) => new(400, detail);
}
