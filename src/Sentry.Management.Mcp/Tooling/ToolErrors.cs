using System.Globalization;
using System.Text;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// Turns a failure into a tool error that says what to do next: which scope is missing, which ids were not found, how
/// long to wait, which fields Sentry rejected. The auth token never appears: messages are built from fields, not from
/// exception text, and anything that still looks like the token is masked.
/// </summary>
internal static class ToolErrors
{
    public static async Task<string> DescribeAsync(Exception exception, ToolCall call)
    {
        var message = exception switch
        {
            ToolInputException input => "Invalid input: " + input.Message,
            SentryRateLimitedException limited => RateLimited(limited),
            SentryAuthorizationException { IsForbidden: true } forbidden => await ForbiddenAsync(forbidden, call).ConfigureAwait(false),
            SentryAuthorizationException => "Sentry rejected the auth token (401): it is missing, expired or revoked. Create a new one in Sentry under Settings > Account > Personal Tokens (or an organization token) and restart the server with it.",
            SentryNotFoundException notFound => NotFound(notFound, call),
            SentryValidationException validation => Validation(validation),
            SentryApiException api => string.Create(CultureInfo.InvariantCulture, $"Sentry answered {(int)api.StatusCode} to {api.Method} {api.Path}: {api.Detail ?? "no detail"}.{RequestId(api)}"),
            SentryOptionsException options => "The server is misconfigured: " + string.Join(" ", options.Errors),
            ArgumentException argument => "Invalid input: " + argument.Message,
            HttpRequestException http => $"Could not reach Sentry at {call.Clients.Root.Options.BaseUrl.GetLeftPart(UriPartial.Authority)}: {http.Message} Check the URL and the network, then retry.",
            TimeoutException or TaskCanceledException => "Sentry did not answer in time; retry, or narrow the request (a smaller limit or period).",
            _ => $"The tool failed: {exception.GetType().Name}: {exception.Message}",
        };
        return Mask(message, call.Clients.Root.Options.AuthToken);
    }

    /// <summary>Replaces the token (should it ever be echoed back by Sentry or a proxy) with a placeholder.</summary>
    public static string Mask(string text, string? token) =>
        string.IsNullOrEmpty(token) || token.Length < 8 ? text : text.Replace(token, "[auth token]", StringComparison.Ordinal);

    private static string RateLimited(SentryRateLimitedException limited)
    {
        var wait = limited.RetryAfter is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"wait {Math.Ceiling(after.TotalSeconds)} s")
            : limited.ResetsAt is { } reset ? $"wait until {reset.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "wait a minute";
        return $"Sentry's rate limit was hit for {limited.Method} {limited.Path} (after the client's own retries): {wait}, then call the tool again. Fewer or smaller calls (a lower limit) help.";
    }

    private static async Task<string> ForbiddenAsync(SentryAuthorizationException forbidden, ToolCall call)
    {
        var needed = call.Tool.Scopes;
        var text = new StringBuilder($"Sentry refused {forbidden.Method} {forbidden.Path} (403): {forbidden.Detail ?? "permission denied"}. ");
        IReadOnlyList<string>? held = null;
        try
        {
            // Which scopes the token has tells the user exactly what to add; a failure here must not hide the 403.
            held = (await call.CheckIdentityAsync(null).ConfigureAwait(false)).Scopes;
        }
        catch (Exception exception) when (exception is SentryApiException or HttpRequestException)
        {
        }

        var missing = held is null ? needed : [.. needed.Where(s => !held.Contains(s, StringComparer.Ordinal))];
        if (missing.Count > 0)
        {
            text.Append("This tool needs the scope(s) ").Append(string.Join(", ", missing)).Append(held is null ? "." : " that the token lacks.");
        }
        else
        {
            text.Append("The token has the scopes this tool needs, so your Sentry role (or team membership) does not allow it.");
        }

        text.Append(" Create a token with the missing scopes, or ask an organization owner for access.");
        return text.ToString();
    }

    private static string NotFound(SentryNotFoundException notFound, ToolCall call)
    {
        var ids = string.Join(", ", call.IdentifyingArguments().Distinct(StringComparer.Ordinal));
        return $"Not found: Sentry answered 404 to {notFound.Method} {notFound.Path} ({(ids.Length == 0 ? "no ids" : ids)}). "
            + "Check the slugs and ids with find_organizations, find_projects, search_issues or find_releases; ids are case-sensitive slugs or numbers.";
    }

    private static string Validation(SentryValidationException validation)
    {
        var text = new StringBuilder("Sentry rejected the input: ");
        if (validation.FieldErrors.Count == 0)
        {
            text.Append(validation.Detail ?? "no detail given");
        }

        foreach (var (field, errors) in validation.FieldErrors)
        {
            text.Append(field).Append(": ").Append(string.Join(" ", errors)).Append("; ");
        }

        return text.Append(" Fix these and call again.").ToString();
    }

    private static string RequestId(SentryApiException api) => api.RequestId is { } id ? $" (request id {id})" : string.Empty;
}
