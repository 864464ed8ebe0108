namespace Sentry.Management.Testing.Api;

/// <summary>
/// Maps the handlers of one management area: <see cref="ApiFieldProblem"/>s become their bodies, and an area that
/// the server's options switch off (an alert API generation it does not speak) answers 404 as Sentry would.
/// </summary>
internal sealed class AreaRoutes(ApiRouteBuilder api, Func<ApiContext, bool>? available = null)
{
    public ApiRouteBuilder Api { get; } = api;

    public void Get(string pattern, Func<ApiContext, Task> handler) => Api.Get(pattern, Wrap(handler));

    public void Post(string pattern, Func<ApiContext, Task> handler) => Api.Post(pattern, Wrap(handler));

    public void Put(string pattern, Func<ApiContext, Task> handler) => Api.Put(pattern, Wrap(handler));

    public void Delete(string pattern, Func<ApiContext, Task> handler) => Api.Delete(pattern, Wrap(handler));

    private Func<ApiContext, Task> Wrap(Func<ApiContext, Task> handler) => async context =>
    {
        if (available is not null && !available(context))
        {
            throw ApiProblem.NotFound();
        }

        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (ApiFieldProblem problem) when (!context.Http.Response.HasStarted)
        {
            await context.OkAsync(problem.Body, problem.StatusCode).ConfigureAwait(false);
        }
    };
}
