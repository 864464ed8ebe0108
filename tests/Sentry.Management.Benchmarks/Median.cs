namespace Sentry.Management.Benchmarks;

/// <summary>The median of a probe's rounds or calls, the figure every probe reports (the list is left in its order, so paired rounds stay paired).</summary>
internal static class Median
{
    public static double Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
