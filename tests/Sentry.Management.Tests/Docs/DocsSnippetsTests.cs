using System.Text.RegularExpressions;

namespace Sentry.Management.Tests.Docs;

/// <summary>
/// Every C# block of README.md and docs/*.md is a #region of docs/snippets, which the solution (and this test project,
/// through its reference) compiles: a page whose code no longer builds fails here or in the build.
/// </summary>
public partial class DocsSnippetsTests
{
    // Pages another part of the work owns and converts on its own; listed so none is skipped by accident.
    private static readonly string[] NotYetSnippets = ["docs/capture.md", "docs/benchmarks.md"];

    private static readonly string Root = FindRoot();

    private static IEnumerable<string> Pages() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p)))
            .Where(p => !NotYetSnippets.Contains(p));

    [TestCaseSource(nameof(Pages))]
    public void Every_csharp_block_of_the_page_is_compiled_snippet_code(string page)
    {
        var snippets = Snippets();
        var problems = new List<string>();
        foreach (var block in CSharpBlocks(File.ReadAllText(Path.Combine(Root, page))))
        {
            var usings = block.Where(l => UsingDirective().IsMatch(l)).ToList();
            var body = Trim(block.Where(l => !UsingDirective().IsMatch(l)).ToList());
            var match = snippets.FirstOrDefault(s => s.Lines.SequenceEqual(body));
            if (match is null)
            {
                problems.Add($"{page}: no snippet region matches the block starting '{body.FirstOrDefault()}'");
            }
            else if (usings.FirstOrDefault(u => !match.FileUsings.Contains(u)) is { } missing)
            {
                problems.Add($"{page}: '{missing}' is not a using of {match.File}");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_snippet_region_is_shown_on_a_page()
    {
        var shown = Pages().SelectMany(p => CSharpBlocks(File.ReadAllText(Path.Combine(Root, p))))
            .Select(b => string.Join('\n', Trim(b.Where(l => !UsingDirective().IsMatch(l)).ToList())))
            .ToHashSet();

        Assert.That(Snippets().Where(s => !shown.Contains(string.Join('\n', s.Lines))).Select(s => $"{s.File}#{s.Name}"), Is.Empty);
    }

    [Test]
    public void The_reader_finds_blocks_and_regions()
    {
        var blocks = CSharpBlocks("text\n```csharp\nusing Sentry.Management;\n\nvar x = 1;\n```\n```sh\nls\n```\n").ToList();

        Assert.That(blocks, Has.Count.EqualTo(1));
        Assert.That(blocks[0], Is.EqualTo(new[] { "using Sentry.Management;", string.Empty, "var x = 1;" }));
        Assert.That(Snippets(), Has.Count.GreaterThan(5));
    }

    private sealed record Snippet(string File, string Name, IReadOnlyList<string> Lines, IReadOnlySet<string> FileUsings);

    private static List<Snippet> Snippets()
    {
        var result = new List<Snippet>();
        foreach (var file in SnippetFiles())
        {
            var lines = File.ReadAllLines(file);
            var usings = lines.Where(l => UsingDirective().IsMatch(l)).ToHashSet();
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().StartsWith("#region ", StringComparison.Ordinal))
                {
                    var end = Array.FindIndex(lines, i, l => l.Trim() == "#endregion");
                    result.Add(new Snippet(Path.GetFileName(file), lines[i].Trim()["#region ".Length..], Dedent(lines[(i + 1)..end]), usings));
                    i = end;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Where compiled page code lives: docs/snippets (a project of the solution), and the Quickstart sample (the workflow pages
    /// show its steps, so the sample and the pages cannot drift).
    /// </summary>
    private static IEnumerable<string> SnippetFiles() =>
        Directory.GetFiles(Path.Combine(Root, "docs", "snippets"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(Root, "samples", "Quickstart"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)));

    private static IEnumerable<List<string>> CSharpBlocks(string markdown)
    {
        List<string>? block = null;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (block is null && line.Trim() == "```csharp")
            {
                block = [];
            }
            else if (block is not null && line.Trim() == "```")
            {
                yield return block;
                block = null;
            }
            else
            {
                block?.Add(line);
            }
        }
    }

    private static List<string> Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return Trim([.. lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim())]);
    }

    private static List<string> Trim(List<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).ToList();
        while (list.Count > 0 && list[^1].Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sentry.Management.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sentry.Management.sln not found above the test directory.");
    }

    [GeneratedRegex(@"^using [A-Za-z][\w.]*;$")]
    private static partial Regex UsingDirective();
}
