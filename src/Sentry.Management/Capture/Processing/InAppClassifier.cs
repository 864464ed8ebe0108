using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Processing;

/// <summary>Decides whether a stack frame is the application's own code from its module (type) name.</summary>
internal sealed class InAppClassifier
{
    private readonly string[] _include;
    private readonly string[] _exclude;

    public InAppClassifier(SentryCaptureOptions options)
    {
        _include = [.. options.InAppInclude.Where(p => !string.IsNullOrEmpty(p))];
        _exclude = [.. options.InAppExclude.Where(p => !string.IsNullOrEmpty(p))];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsInApp(string? module)
    {
        if (string.IsNullOrEmpty(module))
        {
            return false;
        }

        foreach (var prefix in _include)
        {
            if (module.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var prefix in _exclude)
        {
            if (module.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
