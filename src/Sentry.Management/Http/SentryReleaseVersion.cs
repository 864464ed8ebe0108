using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sentry.Management;

/// <summary>
/// Checks release versions before they become part of a URL or a new release, with Sentry's rules, so a bad
/// version fails with a clear message instead of a 400 or a call to the wrong endpoint.
/// </summary>
public static class SentryReleaseVersion
{
    /// <summary>The longest version Sentry accepts.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Whether <paramref name="version"/> can name a release: not empty or blank, at most 200 characters, not
    /// <c>.</c> or <c>..</c>, and without line breaks, tabs or form feeds. Characters such as <c>@</c>, <c>+</c>,
    /// <c>/</c> and spaces are allowed here; the Refit interfaces escape them in URLs.
    /// </summary>
    /// <param name="version">The version to check.</param>
    /// <returns><see langword="true"/> when the version is usable.</returns>
    public static bool IsValid([NotNullWhen(true)] string? version) => Problem(version) is null;

    /// <summary>Returns <paramref name="version"/> when it is a valid release version (see <see cref="IsValid"/>); throws otherwise.</summary>
    /// <param name="version">The version to check.</param>
    /// <param name="paramName">The name of the argument, used in the exception.</param>
    /// <returns>The version itself, unchanged.</returns>
    /// <exception cref="ArgumentException">The version breaks one of Sentry's rules; the message says which.</exception>
    public static string Validate(string? version, [CallerArgumentExpression(nameof(version))] string? paramName = null)
    {
        var problem = Problem(version);
        if (problem is not null)
        {
            throw new ArgumentException(problem, paramName);
        }

        return version!;
    }

    /// <summary>
    /// Like <see cref="Validate"/>, plus the rules Sentry applies only when a release is created: no <c>/</c> or
    /// <c>\</c>, and not <c>latest</c> (reserved). Older releases may still have such versions, which is why
    /// <see cref="Validate"/> lets them through for reading, changing and deleting.
    /// </summary>
    /// <param name="version">The version of the release to create.</param>
    /// <param name="paramName">The name of the argument, used in the exception.</param>
    /// <returns>The version itself, unchanged.</returns>
    /// <exception cref="ArgumentException">The version breaks one of Sentry's rules; the message says which.</exception>
    public static string ValidateNew(string? version, [CallerArgumentExpression(nameof(version))] string? paramName = null)
    {
        Validate(version, paramName);
        if (version!.Contains('/', StringComparison.Ordinal) || version.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The release version '{Truncate(version)}' contains '/' or '\\', which Sentry does not accept for new releases.", paramName);
        }

        if (string.Equals(version.Trim(), "latest", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The release version 'latest' is reserved by Sentry.", paramName);
        }

        return version;
    }

    private static string? Problem(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return "The release version is required.";
        }

        if (version.Length > MaxLength)
        {
            return $"The release version is {version.Length} characters long; Sentry accepts at most {MaxLength}.";
        }

        if (version.AsSpan().IndexOfAny("\r\n\t\f") >= 0)
        {
            return $"The release version '{Truncate(Escape(version))}' contains a line break, tab or form feed, which Sentry does not accept.";
        }

        var trimmed = version.Trim();
        if (trimmed.Length == 0)
        {
            return "The release version is blank (only whitespace).";
        }

        if (trimmed is "." or "..")
        {
            return $"The release version '{trimmed}' is not allowed: '.' and '..' would change the URL's path.";
        }

        return null;
    }

    private static string Escape(string value) =>
        value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal).Replace("\f", "\\f", StringComparison.Ordinal);

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
