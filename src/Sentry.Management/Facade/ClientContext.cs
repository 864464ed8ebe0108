using Refit;

namespace Sentry.Management;

/// <summary>What every area client shares: the options (default organization, page size).</summary>
internal sealed class ClientContext
{
    internal ClientContext(SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    internal SentryManagementOptions Options { get; }

    internal int PageSize => Options.PageSize;

    /// <summary>The organization to use: the one given, else the configured default; validated either way.</summary>
    internal string Organization(string? organizationSlug)
    {
        var slug = string.IsNullOrWhiteSpace(organizationSlug) ? Options.Organization : organizationSlug;
        if (string.IsNullOrWhiteSpace(slug))
        {
            throw new ArgumentException(
                "An organization slug is required: pass one, or set SentryManagementOptions.Organization (SENTRY_ORG).",
                nameof(organizationSlug));
        }

        return SentrySlug.Validate(slug, nameof(organizationSlug));
    }

    internal static SentryPageable<T> Pageable<T>(Func<string?, CancellationToken, Task<IApiResponse<List<T>>>> fetch, SentryPageOptions? options) =>
        new(fetch, options);
}
