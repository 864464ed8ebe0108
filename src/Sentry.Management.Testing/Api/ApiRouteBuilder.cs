using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Maps management endpoints under <c>/api/0</c>: each handler gets an <see cref="ApiContext"/>, and an
/// <see cref="ApiProblem"/> it throws becomes Sentry's <c>{"detail": …}</c> answer. Auth, faults and rate-limit
/// headers are applied before any handler runs (see <see cref="ManagementAuthMiddleware"/> and <see cref="Faults.FaultMiddleware"/>).
/// </summary>
internal sealed class ApiRouteBuilder(IEndpointRouteBuilder routes, LocalServerState state)
{
    public const string Prefix = "/api/0";

    public LocalServerState State { get; } = state;

    public void Get(string pattern, Func<ApiContext, Task> handler) => Map("GET", pattern, handler);

    public void Post(string pattern, Func<ApiContext, Task> handler) => Map("POST", pattern, handler);

    public void Put(string pattern, Func<ApiContext, Task> handler) => Map("PUT", pattern, handler);

    public void Delete(string pattern, Func<ApiContext, Task> handler) => Map("DELETE", pattern, handler);

    private void Map(string method, string pattern, Func<ApiContext, Task> handler)
    {
        RequestDelegate run = async http =>
        {
            try
            {
                await handler(new ApiContext(http, State)).ConfigureAwait(false);
            }
            catch (ApiProblem problem) when (!http.Response.HasStarted)
            {
                await ApiJson.WriteAsync(http, problem.Body, problem.StatusCode).ConfigureAwait(false);
            }
        };
        routes.MapMethods(Prefix + pattern, [method], run);
    }
}
