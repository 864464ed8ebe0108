using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sentry.Management;

/// <summary>
/// Checks organization, project and team identifiers before they become part of a URL, so a typo fails
/// with a clear message instead of reaching a different endpoint.
/// </summary>
public static class SentrySlug
{
    private const int MaxLength = 50;

    /// <summary>
    /// Whether <paramref name="value"/> is a Sentry slug (letters, digits, <c>-</c> and <c>_</c>, at most 50
    /// characters) or a numeric id. Sentry creates lowercase slugs; uppercase is accepted because older
    /// installations have them.
    /// </summary>
    /// <param name="value">The slug or id to check.</param>
    /// <returns><see langword="true"/> when the value can be used as a path segment.</returns>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="value"/> when it is a valid slug or id; throws otherwise.</summary>
    /// <param name="value">The slug or id to check.</param>
    /// <param name="paramName">The name of the argument, used in the exception.</param>
    /// <returns>The value itself.</returns>
    /// <exception cref="ArgumentException">The value is empty or contains characters a slug cannot have.</exception>
    public static string Validate(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {Describe(paramName)} slug is required.", paramName);
        }

        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"'{Truncate(value)}' is not a valid {Describe(paramName)} slug: use lowercase letters, digits, '-' or '_' (at most {MaxLength} characters), or a numeric id.",
                paramName);
        }

        return value;
    }

    private static string Describe(string? paramName) => paramName switch
    {
        null or "" => "Sentry",
        _ when paramName.StartsWith("organization", StringComparison.OrdinalIgnoreCase) => "organization",
        _ when paramName.StartsWith("project", StringComparison.OrdinalIgnoreCase) => "project",
        _ when paramName.StartsWith("team", StringComparison.OrdinalIgnoreCase) => "team",
        _ => paramName,
    };

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
