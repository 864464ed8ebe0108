namespace Sentry.Management;

/// <summary>
/// Settings for talking to Sentry's REST API: where, as whom, and how patiently.
/// Bind it from code, or from an <c>IConfiguration</c> section such as <c>Sentry:Management</c>.
/// </summary>
public sealed class SentryManagementOptions
{
    /// <summary>
    /// The auth token (an organization token <c>sntrys_…</c>, a user token <c>sntryu_…</c> or an internal
    /// integration token) sent as <c>Authorization: Bearer</c>. Never logged and never shown by <see cref="ToString"/>.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The base URL of the Sentry installation: <c>https://sentry.io</c> (default), a region such as
    /// <c>https://us.sentry.io</c> or <c>https://de.sentry.io</c>, or a self-hosted URL. Any path is kept
    /// as a prefix, so a self-hosted Sentry under <c>https://example.com/sentry/</c> works.
    /// </summary>
    public Uri BaseUrl { get; set; } = SentryManagementDefaults.SaasBaseUrl;

    /// <summary>The organization slug used when a call does not name one (for example from <c>SENTRY_ORG</c>).</summary>
    public string? Organization { get; set; }

    /// <summary>
    /// Allows an <c>http://</c> base URL on a non-loopback host. Off by default, because the token would travel in clear
    /// text; loopback (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>, such as a local Sentry) needs no permission.
    /// </summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>The longest a whole call may take, retries and rate-limit waits included. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest a single attempt may take before it is abandoned (and retried when that is safe). Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed attempt is retried (0 turns retries off). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff delay after a server or network fault. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the client waits for a rate limit to reset before retrying a 429. A longer wait surfaces as
    /// <see cref="SentryRateLimitedException"/> with the reset time instead. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most requests in flight at once. Sentry's <c>X-Sentry-Rate-Limit-ConcurrentLimit</c> lowers it further
    /// when the server announces a smaller limit. Default 10.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 10;

    /// <summary>
    /// The page size asked of list endpoints that accept <c>per_page</c> (Sentry allows 1 to 100). Default 100,
    /// which keeps the number of requests (and rate-limit cost) of a full listing low.
    /// </summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Checks every setting and returns what is wrong, one message per problem, naming the setting.
    /// An empty list means the options are usable.
    /// </summary>
    /// <returns>The problems found; empty when there are none.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(AuthToken))
        {
            errors.Add($"{nameof(AuthToken)} is required: create an auth token in Sentry (Settings > Auth Tokens) and set it, for example through SENTRY_AUTH_TOKEN.");
        }
        else if (AuthToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add($"{nameof(AuthToken)} contains whitespace or control characters; copy the token again without line breaks or spaces.");
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            errors.Add($"{nameof(BaseUrl)} must be an absolute URL such as https://sentry.io or https://us.sentry.io.");
        }
        else if (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add($"{nameof(BaseUrl)} must use https (or http with {nameof(AllowInsecureTransport)}); '{BaseUrl.Scheme}' is not supported.");
        }
        else if (BaseUrl.Scheme == Uri.UriSchemeHttp && !AllowInsecureTransport && !BaseUrl.IsLoopback)
        {
            errors.Add($"{nameof(BaseUrl)} '{BaseUrl.Scheme}://{BaseUrl.Authority}' uses http, which sends the auth token unencrypted; use https or set {nameof(AllowInsecureTransport)} to true (SENTRY_ALLOW_INSECURE_HTTP=1).");
        }
        else if (!string.IsNullOrEmpty(BaseUrl.UserInfo) || !string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
        {
            errors.Add($"{nameof(BaseUrl)} must not contain user info, a query or a fragment.");
        }

        if (Organization is not null && !SentrySlug.IsValid(Organization))
        {
            errors.Add($"{nameof(Organization)} '{Organization}' is not a valid organization slug (lowercase letters, digits, '-' and '_', up to 50 characters, or a numeric id).");
        }

        CheckPositive(errors, Timeout, nameof(Timeout));
        CheckPositive(errors, AttemptTimeout, nameof(AttemptTimeout));
        CheckPositive(errors, RetryBaseDelay, nameof(RetryBaseDelay));
        CheckPositive(errors, MaxRetryDelay, nameof(MaxRetryDelay));
        if (MaxRateLimitWait < TimeSpan.Zero)
        {
            errors.Add($"{nameof(MaxRateLimitWait)} must not be negative.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{nameof(MaxRetries)} must be between 0 and 10 (was {MaxRetries}).");
        }

        if (MaxConcurrentRequests is < 1 or > 100)
        {
            errors.Add($"{nameof(MaxConcurrentRequests)} must be between 1 and 100 (was {MaxConcurrentRequests}).");
        }

        if (PageSize is < 1 or > 100)
        {
            errors.Add($"{nameof(PageSize)} must be between 1 and 100 (was {PageSize}).");
        }

        return errors;
    }

    /// <summary>Throws <see cref="SentryOptionsException"/> listing every problem when the options are not usable.</summary>
    /// <exception cref="SentryOptionsException">One or more settings are invalid.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new SentryOptionsException(errors);
        }
    }

    /// <summary>
    /// Reads <c>SENTRY_AUTH_TOKEN</c>, <c>SENTRY_ORG</c> and <c>SENTRY_URL</c> (the variables sentry-cli uses) into new options,
    /// and <c>SENTRY_ALLOW_INSECURE_HTTP</c> (<c>1</c>/<c>true</c>/<c>yes</c>/<c>on</c> or <c>0</c>/<c>false</c>/<c>no</c>/<c>off</c>)
    /// into <see cref="AllowInsecureTransport"/>. Unset variables leave the defaults; the result is validated when a client is created.
    /// </summary>
    /// <param name="getVariable">Reads a variable; <see langword="null"/> for the process environment.</param>
    /// <returns>The options.</returns>
    /// <exception cref="SentryOptionsException"><c>SENTRY_URL</c> is not an absolute URL, or <c>SENTRY_ALLOW_INSECURE_HTTP</c> is not a yes or no.</exception>
    public static SentryManagementOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var options = new SentryManagementOptions
        {
            AuthToken = VariableOrNull(getVariable("SENTRY_AUTH_TOKEN")),
            Organization = VariableOrNull(getVariable("SENTRY_ORG")),
        };
        if (VariableOrNull(getVariable("SENTRY_URL")) is { } url)
        {
            options.BaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri
                : throw new SentryOptionsException([$"SENTRY_URL '{url}' is not an absolute URL such as https://sentry.io."]);
        }

        if (VariableOrNull(getVariable("SENTRY_ALLOW_INSECURE_HTTP")) is { } insecure)
        {
            options.AllowInsecureTransport = insecure.ToLowerInvariant() switch
            {
                "1" or "true" or "yes" or "on" => true,
                "0" or "false" or "no" or "off" => false,
                _ => throw new SentryOptionsException([$"SENTRY_ALLOW_INSECURE_HTTP '{insecure}' is not one of 1, true, yes, on, 0, false, no, off."]),
            };
        }

        return options;
    }

    /// <summary>Copies these options, so a client keeps its settings even if the caller changes the original later.</summary>
    /// <returns>A copy with the same values.</returns>
    public SentryManagementOptions Clone() => (SentryManagementOptions)MemberwiseClone();

    /// <summary>Describes the options for logs and debuggers, with the auth token redacted.</summary>
    /// <returns>The base URL, organization and whether a token is set.</returns>
    public override string ToString() =>
        $"SentryManagementOptions {{ BaseUrl = {BaseUrl}, Organization = {Organization ?? "(none)"}, AuthToken = {(string.IsNullOrEmpty(AuthToken) ? "(not set)" : "[redacted]")} }}";

    private static string? VariableOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckPositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} must be positive (was {value}).");
        }
    }
}
