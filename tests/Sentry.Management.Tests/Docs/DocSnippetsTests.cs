using System.Text.RegularExpressions;
using Sentry.Management.Tests.Contract;

namespace Sentry.Management.Tests.Docs;

/// <summary>
/// Docs code is compiled code: a block after <c>&lt;!-- snippet: path#name --&gt;</c> must equal the lines between
/// <c>#region name</c> and the next <c>#endregion</c> of that file (indentation removed), which the build compiles.
/// </summary>
public partial class DocSnippetsTests
{
    private static IEnumerable<TestCaseData> Snippets()
    {
        var root = ApiCoverageTests.RepositoryRoot();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
        {
            var text = File.ReadAllText(page).ReplaceLineEndings("\n");
            foreach (Match match in SnippetBlock().Matches(text))
            {
                yield return new TestCaseData(Path.GetFileName(page), match.Groups["file"].Value, match.Groups["region"].Value, match.Groups["code"].Value)
                    .SetArgDisplayNames($"{Path.GetFileName(page)}: {match.Groups["file"].Value}#{match.Groups["region"].Value}");
            }
        }
    }

    [Test]
    public void The_workflow_pages_show_compiled_code()
    {
        var pages = Snippets().Select(s => (string)s.Arguments[0]!).Distinct().ToList();
        Assert.That(pages, Is.SupersetOf(new[] { "bootstrap.md", "releases.md", "release-health.md", "doctor.md" }));
    }

    [TestCaseSource(nameof(Snippets))]
    public void A_snippet_equals_its_region_in_the_compiled_sample(string page, string file, string region, string code)
    {
        var source = File.ReadAllLines(Path.Combine(ApiCoverageTests.RepositoryRoot(), file));
        var start = Array.FindIndex(source, l => l.Trim() == $"#region {region}");
        var end = start < 0 ? -1 : Array.FindIndex(source, start, l => l.Trim() == "#endregion");
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), $"{file} has no region {region}");

        var lines = source[(start + 1)..end];
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        Assert.That(code.TrimEnd('\n'), Is.EqualTo(expected), $"{page}: the block after the snippet marker for {file}#{region} differs from the code");
    }

    [GeneratedRegex(@"<!-- snippet: (?<file>[^#\s]+)#(?<region>[\w-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();
}
