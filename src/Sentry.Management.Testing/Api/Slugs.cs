namespace Sentry.Management.Testing.Api;

/// <summary>Sentry's slug rule, and the slug it derives from a name when none is given.</summary>
internal static class Slugs
{
    public const string Invalid = "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.";

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= 50
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
        && !slug.All(char.IsAsciiDigit);

    /// <summary>The slug field, or one made from <paramref name="name"/>; a 400 on <paramref name="field"/> when it breaks the rule.</summary>
    public static string From(string? slug, string? name, string field = "slug")
    {
        var candidate = slug ?? Slugify(name ?? "");
        return IsValid(candidate) ? candidate : throw ApiFieldProblem.Field(field, Invalid);
    }

    private static string Slugify(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-').ToArray();
        return new string(chars).Trim('-');
    }
}
