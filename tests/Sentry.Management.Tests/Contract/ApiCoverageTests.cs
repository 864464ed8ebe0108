using Sentry.Management.Tests.Contract.Live;

namespace Sentry.Management.Tests.Contract;

/// <summary>
/// Coverage of Sentry's schema: every operation is classified (in one of the library's areas, or out of scope with a
/// reason), every in-scope operation is covered by a Refit method or explained, and docs/api-coverage.md is the
/// rendering of exactly that. The document is generated: with SENTRY_MANAGEMENT_WRITE_COVERAGE=1 the test writes it
/// (eng/update-api-coverage.sh does that); otherwise it fails when the committed copy differs, so it cannot rot.
/// </summary>
[Category("ContractSchema")]
public class ApiCoverageTests
{
    internal const string WriteVariable = "SENTRY_MANAGEMENT_WRITE_COVERAGE";
    internal const string DocumentPath = "docs/api-coverage.md";

    private static readonly Lazy<ApiCoverage> Coverage = new(ApiCoverage.Load);

    [Test]
    public void Every_schema_operation_is_classified_by_a_scope_rule()
    {
        var unclassified = Coverage.Value.Rows.Where(r => r.Rule is null).Select(r => r.Operation.Key).ToList();
        Assert.That(unclassified, Is.Empty, $"operations no rule of {ApiCoverage.ScopeFile} matches (new in the schema?): add them to an area or to outOfScope with a reason");
    }

    [Test]
    public void Every_scope_rule_is_used_and_out_of_scope_rules_have_reasons()
    {
        var used = Coverage.Value.Rows.Where(r => r.Rule is not null).Select(r => r.Rule!).ToHashSet();
        Assert.That(Coverage.Value.Rules.Where(r => !used.Contains(r)).Select(r => r.Pattern), Is.Empty, "rules that decide no operation (typo, or the schema dropped the path)");
        Assert.That(Coverage.Value.Rules.Where(r => r.Area is null && string.IsNullOrWhiteSpace(r.OutOfScopeReason)).Select(r => r.Pattern), Is.Empty, "out-of-scope rules need a reason");
        Assert.That(Coverage.Value.Rules.Select(r => r.Pattern), Is.Unique);
    }

    [Test]
    public void Every_in_scope_operation_is_covered_or_explained()
    {
        var missing = Coverage.Value.Rows
            .Where(r => r.InScope && r.CoveredBy.Count == 0 && string.IsNullOrWhiteSpace(r.NotCoveredReason))
            .Select(r => $"{r.Operation.Key} ({r.Rule!.Area})")
            .ToList();
        Assert.That(missing, Is.Empty, $"in-scope operations neither covered by a Refit method nor listed in {ApiCoverage.NotCoveredFile} with a reason");
    }

    [Test]
    public void Not_covered_entries_are_current()
    {
        var rows = Coverage.Value.Rows.ToDictionary(r => r.Operation.Key, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (operation, reason) in Coverage.Value.NotCovered)
        {
            if (!rows.TryGetValue(operation, out var row))
            {
                problems.Add($"{operation}: not an operation of the schema");
            }
            else if (row.CoveredBy.Count > 0)
            {
                problems.Add($"{operation}: covered now by {string.Join(", ", row.CoveredBy.Select(c => c.Name))}; delete its line");
            }
            else if (!row.InScope)
            {
                problems.Add($"{operation}: out of scope already ({row.Rule?.OutOfScopeReason}); delete its line");
            }
            else if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add($"{operation}: needs a reason");
            }
        }

        var duplicates = Coverage.Value.NotCovered.GroupBy(n => n.Operation, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        problems.AddRange(duplicates.Select(d => $"{d}: listed twice"));
        Assert.That(problems, Is.Empty, $"{ApiCoverage.NotCoveredFile} is out of date");
    }

    [Test]
    public void Covered_operations_are_not_declared_out_of_scope()
    {
        // The table must not say "out of scope" next to something the client does: move the path into an area.
        var contradictions = Coverage.Value.Rows
            .Where(r => !r.InScope && r.CoveredBy.Count > 0)
            .Select(r => $"{r.Operation.Key} is covered by {string.Join(", ", r.CoveredBy.Select(c => c.Name))} but {ApiCoverage.ScopeFile} puts it out of scope ({r.Rule?.Pattern})")
            .ToList();
        Assert.That(contradictions, Is.Empty);
    }

    [Test]
    public void Every_covered_operation_has_a_live_contract_case()
    {
        var covered = RefitOperations.All.Select(o => o.Key)
            .Where(k => !RefitSchemaContractTests.NotInSchema.ContainsKey(k))
            .ToHashSet(StringComparer.Ordinal);
        var live = LiveOperations.All.Select(o => o.Operation).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(covered.Except(live).Order(StringComparer.Ordinal), Is.Empty, "covered operations without a LiveOperations entry (add one line each in Contract/Live/LiveOperations.cs)");
            Assert.That(live.Where(l => !covered.Contains(l)), Is.Empty, "LiveOperations entries for operations no Refit method covers");
            Assert.That(live, Is.Unique, "an operation listed twice in LiveOperations");
        });
    }

    [Test]
    public void Coverage_document_is_up_to_date()
    {
        var expected = Coverage.Value.RenderMarkdown();
        var path = Path.Combine(RepositoryRoot(), DocumentPath);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            TestContext.Progress.WriteLine($"Wrote {path}");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"{DocumentPath} is missing: run ./eng/update-api-coverage.sh and commit it");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.That(committed, Is.EqualTo(expected), $"{DocumentPath} is out of date: run ./eng/update-api-coverage.sh (or set {WriteVariable}=1 and run this test) and commit it");
    }

    /// <summary>The folder holding Sentry.Management.sln, found by walking up from the test output.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sentry.Management.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Sentry.Management.sln above {TestContext.CurrentContext.TestDirectory}; the coverage check runs from the repository's test output.");
    }
}
