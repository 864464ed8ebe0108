using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sentry.Management.Capture;

/// <summary>
/// Reads <see cref="SentryCaptureOptions"/> from configuration by hand: no reflection (AOT clean), and a
/// clear error naming the key when a value does not parse.
/// </summary>
internal static class SentryCaptureOptionsBinder
{
    public static void Bind(IConfiguration section, SentryCaptureOptions options)
    {
        options.Dsn = section["Dsn"] ?? options.Dsn;
        options.Release = section["Release"] ?? options.Release;
        options.Environment = section["Environment"] ?? options.Environment;
        options.ServerName = section["ServerName"] ?? options.ServerName;
        options.SpoolDirectory = section["SpoolDirectory"] ?? options.SpoolDirectory;
        options.SampleRate = Double(section, "SampleRate") ?? options.SampleRate;
        options.TracesSampleRate = Double(section, "TracesSampleRate") ?? options.TracesSampleRate;
        options.MaxBreadcrumbs = Int(section, "MaxBreadcrumbs") ?? options.MaxBreadcrumbs;
        options.MaxValueLength = Int(section, "MaxValueLength") ?? options.MaxValueLength;
        options.NormalizeDepth = Int(section, "NormalizeDepth") ?? options.NormalizeDepth;
        options.MaxErrorQueueSize = Int(section, "MaxErrorQueueSize") ?? options.MaxErrorQueueSize;
        options.MaxTransactionQueueSize = Int(section, "MaxTransactionQueueSize") ?? options.MaxTransactionQueueSize;
        options.MaxMetricQueueSize = Int(section, "MaxMetricQueueSize") ?? options.MaxMetricQueueSize;
        options.MaxConcurrentSends = Int(section, "MaxConcurrentSends") ?? options.MaxConcurrentSends;
        options.MaxRetries = Int(section, "MaxRetries") ?? options.MaxRetries;
        options.MaxSpoolFiles = Int(section, "MaxSpoolFiles") ?? options.MaxSpoolFiles;
        options.SendDefaultPii = Bool(section, "SendDefaultPii") ?? options.SendDefaultPii;
        options.ScrubPii = Bool(section, "ScrubPii") ?? options.ScrubPii;
        AddAll(section.GetSection("ScrubKeys"), options.ScrubKeys);
        AddAll(section.GetSection("InAppInclude"), options.InAppInclude);
        AddAll(section.GetSection("InAppExclude"), options.InAppExclude);
        foreach (var child in section.GetSection("FilterRules").GetChildren())
        {
            options.FilterRules.Add(new SentryFilterRule
            {
                Type = Enum<SentryFilterTarget>(child, "type") ?? SentryFilterTarget.Any,
                Pattern = child["pattern"],
                IsRegex = Bool(child, "isRegex") ?? false,
                ExceptionType = child["exceptionType"],
                Tag = child["tag"],
                TagValue = child["tagValue"],
                Action = Enum<SentryFilterAction>(child, "action") ?? SentryFilterAction.Ignore,
                SampleRate = Double(child, "sampleRate") ?? 1.0,
            });
        }
    }

    private static void AddAll(IConfigurationSection section, IList<string> target)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Value is { Length: > 0 } value && !target.Contains(value))
            {
                target.Add(value);
            }
        }
    }

    private static double? Double(IConfiguration section, string key) =>
        section[key] is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(section, key, "a number")
            : null;

    private static int? Int(IConfiguration section, string key) =>
        section[key] is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(section, key, "a whole number")
            : null;

    private static bool? Bool(IConfiguration section, string key) =>
        section[key] is { } text
            ? bool.TryParse(text, out var value) ? value : throw Bad(section, key, "true or false")
            : null;

    private static T? Enum<T>(IConfiguration section, string key)
        where T : struct, System.Enum =>
        section[key] is { } text
            ? System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : throw Bad(section, key, string.Join(" or ", System.Enum.GetNames<T>()))
            : null;

    private static ArgumentException Bad(IConfiguration section, string key, string expected)
    {
        var path = section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
        return new ArgumentException($"Configuration value '{path}' must be {expected}.");
    }
}
