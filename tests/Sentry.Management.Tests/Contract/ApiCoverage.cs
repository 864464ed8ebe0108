using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sentry.Management.Tests.Contract;

/// <summary>A scope rule of Coverage/scope.json: a path pattern, and either an area (in scope) or a reason (out of scope).</summary>
internal sealed record ScopeRule(string Pattern, string? Area, string? OutOfScopeReason)
{
    public bool IsPrefix => Pattern.EndsWith('*');

    public bool Matches(string path) => IsPrefix ? path.StartsWith(Pattern[..^1], StringComparison.Ordinal) : path == Pattern;

    /// <summary>Longer literal text is more specific; at equal length an exact pattern beats a prefix.</summary>
    public (int Length, bool Exact) Specificity => (Pattern.TrimEnd('*').Length, !IsPrefix);
}

/// <summary>Where one schema operation stands: its area (or why it is out of scope), and what covers it.</summary>
internal sealed record CoverageRow(SchemaOperation Operation, ScopeRule? Rule, IReadOnlyList<RefitOperation> CoveredBy, string? NotCoveredReason)
{
    public bool InScope => Rule?.Area is not null;
}

/// <summary>
/// Joins the schema, the scope rules (Coverage/scope.json), the not-covered list (Coverage/not-covered.json) and the
/// discovered Refit methods into one table, and renders docs/api-coverage.md from it.
/// </summary>
internal sealed class ApiCoverage
{
    internal const string ScopeFile = "Contract/Coverage/scope.json";
    internal const string NotCoveredFile = "Contract/Coverage/not-covered.json";

    // The lists are edited by hand and lines get deleted after merges: a trailing comma must not break the run.
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private ApiCoverage(IReadOnlyList<ScopeRule> rules, IReadOnlyList<(string Operation, string Reason)> notCovered, IReadOnlyList<CoverageRow> rows, IReadOnlyList<string> areas)
    {
        Rules = rules;
        NotCovered = notCovered;
        Rows = rows;
        Areas = areas;
    }

    internal IReadOnlyList<ScopeRule> Rules { get; }

    internal IReadOnlyList<(string Operation, string Reason)> NotCovered { get; }

    /// <summary>One row per schema operation, in schema order.</summary>
    internal IReadOnlyList<CoverageRow> Rows { get; }

    /// <summary>The in-scope areas in the order scope.json lists them.</summary>
    internal IReadOnlyList<string> Areas { get; }

    internal static ApiCoverage Load()
    {
        var (rules, areas) = ReadRules(Read(ScopeFile));
        var notCovered = new List<(string, string)>();
        using (var document = Read(NotCoveredFile))
        {
            foreach (var entry in document.RootElement.GetProperty("notCovered").EnumerateArray())
            {
                notCovered.Add((entry.GetProperty("operation").GetString()!, entry.GetProperty("reason").GetString() ?? string.Empty));
            }
        }

        var reasons = notCovered.GroupBy(n => n.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);
        var byKey = RefitOperations.All.ToLookup(o => o.Key, StringComparer.Ordinal);
        var rows = OpenApiSchema.Operations.Values
            .Select(op => new CoverageRow(
                op,
                rules.Where(r => r.Matches(op.Path)).OrderByDescending(r => r.Specificity).FirstOrDefault(),
                byKey[op.Key].ToList(),
                reasons.GetValueOrDefault(op.Key)))
            .ToList();
        return new ApiCoverage(rules, notCovered, rows, areas);
    }

    private static JsonDocument Read(string relative)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, relative);
        return JsonDocument.Parse(File.ReadAllBytes(path), Lenient);
    }

    private static (List<ScopeRule> Rules, List<string> Areas) ReadRules(JsonDocument document)
    {
        using (document)
        {
            var rules = new List<ScopeRule>();
            var areas = new List<string>();
            foreach (var group in document.RootElement.GetProperty("inScope").EnumerateArray())
            {
                var area = group.GetProperty("area").GetString()!;
                areas.Add(area);
                rules.AddRange(group.GetProperty("paths").EnumerateArray().Select(p => new ScopeRule(p.GetString()!, area, null)));
            }

            foreach (var group in document.RootElement.GetProperty("outOfScope").EnumerateArray())
            {
                var reason = group.GetProperty("reason").GetString()!;
                rules.AddRange(group.GetProperty("paths").EnumerateArray().Select(p => new ScopeRule(p.GetString()!, null, reason)));
            }

            return (rules, areas);
        }
    }

    /// <summary>Renders the coverage document. Deterministic (no dates), so the committed copy can be compared byte for byte.</summary>
    internal string RenderMarkdown()
    {
        var inScope = Rows.Where(r => r.InScope).ToList();
        var covered = inScope.Count(r => r.CoveredBy.Count > 0);
        var explained = inScope.Count(r => r.CoveredBy.Count == 0 && r.NotCoveredReason is not null);
        var outOfScope = Rows.Count(r => !r.InScope);
        var percent = inScope.Count == 0 ? 100 : 100.0 * (covered + explained) / inScope.Count;

        var md = new StringBuilder();
        md.Append("# Sentry API coverage\n\n");
        md.Append("<!-- Generated by tests/Sentry.Management.Tests/Contract/ApiCoverageTests.cs; do not edit by hand.\n");
        md.Append("     Regenerate: ./eng/update-api-coverage.sh (runs the test with SENTRY_MANAGEMENT_WRITE_COVERAGE=1). -->\n\n");
        md.Append("Every operation of Sentry's published OpenAPI schema (getsentry/sentry-api-schema 0.272.0, vendored in\n");
        md.Append("`tests/Sentry.Management.Tests/Contract/Schema/`) and what the client does with it. Scope rules live in\n");
        md.Append("`Contract/Coverage/scope.json`, reasons for uncovered in-scope operations in `Contract/Coverage/not-covered.json`.\n\n");
        md.Append("| | Operations |\n|---|---:|\n");
        md.Append(CultureInfo.InvariantCulture, $"| Schema operations | {Rows.Count} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| In scope | {inScope.Count} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| In scope, covered by a Refit method | {covered} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| In scope, not covered, with a reason | {explained} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| In scope, covered or explained | {percent:0.#}% |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Out of scope, with a reason | {outOfScope} |\n\n");

        md.Append("## In scope\n\n");
        foreach (var area in Areas)
        {
            var rows = inScope.Where(r => r.Rule!.Area == area).OrderBy(r => r.Operation.Path, StringComparer.Ordinal).ThenBy(r => VerbOrder(r.Operation.Method)).ToList();
            var areaCovered = rows.Count(r => r.CoveredBy.Count > 0);
            md.Append(CultureInfo.InvariantCulture, $"### {area} ({areaCovered}/{rows.Count} covered)\n\n");
            md.Append("| Operation | Sentry operation | Covered by |\n|---|---|---|\n");
            foreach (var row in rows)
            {
                var status = row.CoveredBy.Count > 0
                    ? string.Join(", ", row.CoveredBy.Select(c => $"`{c.Name}`"))
                    : $"not covered: {row.NotCoveredReason ?? "(no reason given)"}";
                md.Append(CultureInfo.InvariantCulture, $"| `{row.Operation.Key}` | {Cell(Title(row.Operation))} | {Cell(status)} |\n");
            }

            md.Append('\n');
        }

        md.Append("## Out of scope\n\n");
        foreach (var group in Rows.Where(r => !r.InScope && r.Rule is not null).GroupBy(r => r.Rule!.OutOfScopeReason!))
        {
            md.Append(CultureInfo.InvariantCulture, $"**{Cell(group.Key)}**\n\n");
            foreach (var row in group.OrderBy(r => r.Operation.Path, StringComparer.Ordinal).ThenBy(r => VerbOrder(r.Operation.Method)))
            {
                md.Append(CultureInfo.InvariantCulture, $"- `{row.Operation.Key}`\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string Title(SchemaOperation operation) => operation.OperationId ?? operation.Summary ?? string.Empty;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static int VerbOrder(string verb) => Array.IndexOf(["GET", "POST", "PUT", "PATCH", "DELETE"], verb);
}
