using System.Text.RegularExpressions;

namespace Sentry.Management.Capture.Processing;

/// <summary>What the filter rules decided for one event.</summary>
internal enum FilterDecision
{
    Keep,
    Ignore,
    SampledOut,
}

/// <summary>Evaluates <see cref="SentryFilterRule"/>s on the sender; the first rule that matches decides.</summary>
internal sealed class FilterRuleMatcher
{
    // Rules come from configuration: a pathological regex must not stall the sender.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    private readonly CompiledRule[] _rules;

    public FilterRuleMatcher(IEnumerable<SentryFilterRule> rules)
    {
        _rules = [.. rules.Select(r => new CompiledRule(r, r.IsRegex && !string.IsNullOrEmpty(r.Pattern)
            ? new Regex(r.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout)
            : null))];
    }

    public bool IsEmpty => _rules.Length == 0;

    public static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, RegexTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public FilterDecision Evaluate(ErrorEvent evt, ScopeState scope)
    {
        var target = evt.Exception is null ? SentryFilterTarget.Message : SentryFilterTarget.Exception;
        foreach (var rule in _rules)
        {
            if (rule.Rule.Type != SentryFilterTarget.Any && rule.Rule.Type != target)
            {
                continue;
            }

            if (!MatchesTag(rule.Rule, evt, scope) || !MatchesExceptionType(rule.Rule, evt.Exception) || !MatchesPattern(rule, evt))
            {
                continue;
            }

            return Decide(rule.Rule);
        }

        return FilterDecision.Keep;
    }

    public FilterDecision Evaluate(TraceTransaction transaction)
    {
        foreach (var rule in _rules)
        {
            if (rule.Rule.Type is not (SentryFilterTarget.Any or SentryFilterTarget.Transaction) || rule.Rule.ExceptionType is not null)
            {
                continue;
            }

            if (rule.Rule.Tag is { } tag)
            {
                var tags = transaction.TagsSnapshot;
                if (tags is null || !tags.TryGetValue(tag, out var value) || (rule.Rule.TagValue is { } expected && value != expected))
                {
                    continue;
                }
            }

            if (rule.Rule.Pattern is { Length: > 0 } && !rule.IsMatch(transaction.Name))
            {
                continue;
            }

            return Decide(rule.Rule);
        }

        return FilterDecision.Keep;
    }

    private static FilterDecision Decide(SentryFilterRule rule) =>
        rule.Action == SentryFilterAction.Ignore ? FilterDecision.Ignore
        : Random.Shared.NextDouble() < rule.SampleRate ? FilterDecision.Keep
        : FilterDecision.SampledOut;

    private static bool MatchesTag(SentryFilterRule rule, ErrorEvent evt, ScopeState scope)
    {
        if (rule.Tag is not { Length: > 0 } tag)
        {
            return true;
        }

        string? value = null;
        var found = (evt.HasTags && evt.Tags.TryGetValue(tag, out value)) || scope.Tags.TryGetValue(tag, out value);
        return found && (rule.TagValue is null || string.Equals(value, rule.TagValue, StringComparison.Ordinal));
    }

    private static bool MatchesExceptionType(SentryFilterRule rule, Exception? exception)
    {
        if (rule.ExceptionType is not { Length: > 0 } wanted)
        {
            return true;
        }

        foreach (var ex in ExceptionChain.Flatten(exception))
        {
            var type = ex.Exception.GetType();
            if (string.Equals(type.Name, wanted, StringComparison.Ordinal) || string.Equals(type.FullName, wanted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesPattern(CompiledRule rule, ErrorEvent evt)
    {
        if (rule.Rule.Pattern is not { Length: > 0 })
        {
            return true;
        }

        if (evt.Message is { } message && rule.IsMatch(message))
        {
            return true;
        }

        foreach (var ex in ExceptionChain.Flatten(evt.Exception))
        {
            if (rule.IsMatch(ex.Exception.Message) || rule.IsMatch(ex.Exception.GetType().FullName ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record CompiledRule(SentryFilterRule Rule, Regex? Regex)
    {
        public bool IsMatch(string text)
        {
            if (Regex is null)
            {
                return text.Contains(Rule.Pattern!, StringComparison.OrdinalIgnoreCase);
            }

            try
            {
                return Regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
