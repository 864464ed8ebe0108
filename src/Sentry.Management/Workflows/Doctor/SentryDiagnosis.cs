using System.Text;

namespace Sentry.Management;

/// <summary>Whether a <see cref="DiagnosticCheck"/> passed.</summary>
public enum DiagnosticStatus
{
    /// <summary>All is well.</summary>
    Pass,

    /// <summary>Works, but something will fail later (a workflow lacks a scope).</summary>
    Warn,

    /// <summary>Broken; <see cref="DiagnosticCheck.Fix"/> says how to fix it.</summary>
    Fail,

    /// <summary>Not checked: not asked for, or an earlier check failed.</summary>
    Skipped,
}

/// <summary>One check of <see cref="SentryManagementClient.DiagnoseAsync"/>.</summary>
/// <param name="Name">The check: <c>token</c>, <c>scopes</c>, <c>organization</c>, <c>project</c>, <c>ingestion</c>, <c>releases</c>.</param>
/// <param name="Status">Its status.</param>
/// <param name="Detail">What was found.</param>
/// <param name="Fix">How to fix a failure or warning; <see langword="null"/> when there is nothing to fix.</param>
public sealed record DiagnosticCheck(string Name, DiagnosticStatus Status, string Detail, string? Fix = null)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Status.ToString().ToLowerInvariant()}] {Name}: {Detail}" + (Fix is null ? string.Empty : " Fix: " + Fix);
}

/// <summary>Whether a workflow can run with the token's scopes.</summary>
/// <param name="Workflow">The workflow.</param>
/// <param name="Required">The scopes it needs.</param>
/// <param name="Missing">The ones the token lacks.</param>
public sealed record WorkflowScopeCheck(string Workflow, IReadOnlyList<string> Required, IReadOnlyList<string> Missing)
{
    /// <summary>Whether nothing is missing.</summary>
    public bool Ok => Missing.Count == 0;
}

/// <summary>
/// What <see cref="SentryManagementClient.DiagnoseAsync"/> found: each check with what is wrong and how to fix it, and
/// which workflows the token's scopes allow. Never contains the token.
/// </summary>
public sealed class SentryDiagnosis
{
    /// <summary>Creates a report; the doctor does, and tests that fake <see cref="SentryManagementClient.DiagnoseAsync"/> can.</summary>
    /// <param name="sentry">The Sentry installation checked.</param>
    /// <param name="checks">The checks.</param>
    /// <param name="scopes">Per workflow, the scopes required and missing.</param>
    public SentryDiagnosis(Uri sentry, IReadOnlyList<DiagnosticCheck> checks, IReadOnlyList<WorkflowScopeCheck> scopes)
    {
        Sentry = sentry;
        Checks = checks;
        Scopes = scopes;
    }

    /// <summary>The Sentry installation checked.</summary>
    public Uri Sentry { get; }

    /// <summary>The checks, in the order they ran.</summary>
    public IReadOnlyList<DiagnosticCheck> Checks { get; }

    /// <summary>Per workflow, whether the token's scopes allow it; empty when the token could not be read.</summary>
    public IReadOnlyList<WorkflowScopeCheck> Scopes { get; }

    /// <summary>Whether no check failed (warnings allowed).</summary>
    public bool Healthy => Checks.All(c => c.Status != DiagnosticStatus.Fail);

    /// <summary>The check with this name.</summary>
    /// <param name="name">The check's name.</param>
    /// <returns>The check.</returns>
    /// <exception cref="KeyNotFoundException">There is no such check.</exception>
    public DiagnosticCheck this[string name] =>
        Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) ?? throw new KeyNotFoundException($"No check '{name}'; the checks are {string.Join(", ", Checks.Select(c => c.Name))}.");

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append("Sentry doctor, ").Append(Sentry).AppendLine(Healthy ? ": healthy" : ": problems found");
        foreach (var check in Checks)
        {
            text.Append("  [").Append(check.Status.ToString().ToLowerInvariant()).Append("] ").Append(check.Name).Append(": ").AppendLine(check.Detail);
            if (check.Fix is not null)
            {
                text.Append("         fix: ").AppendLine(check.Fix);
            }
        }

        if (Scopes.Count > 0)
        {
            text.AppendLine("  Scopes by workflow:");
            var width = Scopes.Max(s => s.Workflow.Length);
            foreach (var scope in Scopes)
            {
                text.Append("    ").Append(scope.Workflow.PadRight(width)).Append("  ")
                    .AppendLine(scope.Ok ? "ok (" + string.Join(", ", scope.Required) + ")" : "missing " + string.Join(", ", scope.Missing));
            }
        }

        return text.ToString().TrimEnd();
    }
}
