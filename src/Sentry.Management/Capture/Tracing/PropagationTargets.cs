using System.Text.RegularExpressions;

namespace Sentry.Management.Capture.Tracing;

/// <summary>
/// Decides which outgoing URLs get trace headers. Each target matches as a case-insensitive substring or as a
/// regular expression, never against the query or fragment (where any URL can carry any text): a target without a
/// <c>/</c> (<c>localhost</c>, <c>api.example.com</c>) against the host and port, one with a <c>/</c> (a relative
/// <c>/internal/</c>, <c>https://api.example.com/v2</c>) and every regular expression (<c>^https://.*\.example\.com</c>)
/// against scheme, host, port and path. A target is a regular expression when it has a metacharacter other than
/// <c>.</c> (<c>^ $ * + ? ( ) [ ] { } | \</c>). No targets: nothing is propagated.
/// </summary>
internal sealed class PropagationTargets
{
    // Targets come from configuration: a pathological pattern must not stall an outgoing call.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);
    private static readonly System.Buffers.SearchValues<char> Metacharacters = System.Buffers.SearchValues.Create(@"^$*+?()[]{}|\");
    private readonly string[] _substrings;
    private readonly Regex[] _patterns;

    public PropagationTargets(IEnumerable<string> targets)
    {
        var list = targets.Where(t => !string.IsNullOrEmpty(t)).ToArray();

        // A plain host such as api.example.com is not also read as a pattern: its dots would match anywhere in the path.
        _substrings = [.. list.Where(t => !IsPattern(t))];
        _patterns = [.. list.Where(IsPattern).Select(t => new Regex(t, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout))];
    }

    public bool IsEmpty => _substrings.Length == 0 && _patterns.Length == 0;

    private static bool IsPattern(string target) => target.AsSpan().IndexOfAny(Metacharacters) >= 0;

    public bool Matches(Uri url)
    {
        if (IsEmpty)
        {
            return false;
        }

        var text = SafeUrl.WithoutQuery(url);
        var authority = url.IsAbsoluteUri ? url.Authority : string.Empty;
        foreach (var target in _substrings)
        {
            var scope = target.Contains('/', StringComparison.Ordinal) ? text : authority;
            if (scope.Contains(target, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var pattern in _patterns)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Not propagating is the safe side: trace headers never reach a host by accident.
            }
        }

        return false;
    }
}
