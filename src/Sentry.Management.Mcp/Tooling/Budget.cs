using System.Globalization;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>Keeps a single (non-list) result within the character budget, with a note that says how to get less at once.</summary>
internal static class Budget
{
    public static string Cut(string markdown, int budget, string howToNarrow)
    {
        if (markdown.Length <= budget)
        {
            return markdown;
        }

        var cut = markdown.LastIndexOf('\n', budget - 200);
        cut = cut < budget / 2 ? budget - 200 : cut;
        return markdown[..cut] + string.Create(
            CultureInfo.InvariantCulture,
            $"\n\n_Result cut at {cut} of {markdown.Length} characters (budget {budget}); {howToNarrow}. The structured content keeps the bounded fields._\n");
    }
}
