using System.Text.RegularExpressions;

namespace Sentry.Management.Testing.Grouping;

/// <summary>
/// Replaces the variable parts of a message with placeholders before it is hashed, as Sentry's message
/// parameterization does, so "Order 1234 failed" and "Order 5678 failed" group together as "Order &lt;int&gt; failed".
/// </summary>
internal static partial class MessageParameterizer
{
    public static string Parameterize(string message) =>
        Variables().Replace(message, match =>
        {
            foreach (var name in Names)
            {
                if (match.Groups[name].Success)
                {
                    return "<" + name + ">";
                }
            }

            return match.Value;
        });

    private static readonly string[] Names = ["email", "url", "uuid", "date", "ip", "hex", "float", "int"];

    // Earlier alternatives win: a uuid is not read as hex and ints, a date not as ints.
    [GeneratedRegex("""
        (?<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)
        |(?<url>\b[a-z][a-z0-9+.-]*://[^\s'"<>]+)
        |(?<uuid>\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b)
        |(?<date>\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b)
        |(?<ip>\b(?:\d{1,3}\.){3}\d{1,3}\b)
        |(?<hex>\b0[xX][0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b)
        |(?<float>(?<![\w.])-?\d+\.\d+\b)
        |(?<int>(?<![\w.])-?\d+\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Variables();
}
