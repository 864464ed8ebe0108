using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sentry.Management.DependencyInjection;

/// <summary>
/// One configuration section as the binder reads it: every key read is remembered, so whatever is left at
/// <see cref="CheckUnknownKeys"/> is a key the library does not know. Values that do not parse are reported with
/// their full path and read as absent, so the option keeps its default and no second message repeats the problem.
/// </summary>
internal sealed class ConfigurationNode(IConfiguration section, SentryConfigurationReport report)
{
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public string Path { get; } = section is IConfigurationSection s ? s.Path : string.Empty;

    public SentryConfigurationReport Report => report;

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}:{key}";

    public string? String(string key)
    {
        _known.Add(key);
        var child = section.GetSection(key);
        if (child.Value is null && child.GetChildren().Any())
        {
            report.Error(child.Path, "must be a single value, not a section or list");
            return null;
        }

        return child.Value is { Length: > 0 } value ? value : null;
    }

    public bool? Bool(string key) =>
        String(key) is { } text
            ? bool.TryParse(text, out var value) ? value : Bad<bool>(key, text, "true or false")
            : null;

    public int? Int(string key, int minimum, int maximum = int.MaxValue)
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return Bad<int>(key, text, "a whole number");
        }

        return value >= minimum && value <= maximum ? value : Bad<int>(key, text, maximum == int.MaxValue ? $"at least {minimum}" : $"between {minimum} and {maximum}");
    }

    public long? Long(string key, long minimum)
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : Bad<long>(key, text, $"a whole number of at least {minimum}");
    }

    public double? Rate(string key)
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : Bad<double>(key, text, "a number between 0 and 1");
    }

    public TimeSpan? Duration(string key, bool allowZero = false)
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero))
            ? value
            : Bad<TimeSpan>(key, text, allowZero ? "a duration such as 00:00:30, not negative" : "a positive duration such as 00:00:30");
    }

    public Uri? AbsoluteUri(string key) =>
        String(key) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : Bad(key, text, "an absolute URL such as https://sentry.io")
            : null;

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T>? aliases = null)
        where T : struct, System.Enum =>
        String(key) is { } text ? ParseEnum(PathOf(key), text, aliases) : null;

    public T? ParseEnum<T>(string path, string text, IReadOnlyDictionary<string, T>? aliases = null)
        where T : struct, System.Enum
    {
        if (aliases is not null && aliases.TryGetValue(text, out var alias))
        {
            return alias;
        }

        if (!text.Any(char.IsDigit) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).Concat(aliases?.Keys ?? []);
        report.Error(path, $"'{text}' must be one of {string.Join(", ", names)}");
        return null;
    }

    /// <summary>The entries of a list (<c>key:0</c>, <c>key:1</c>...) with their paths; objects inside are reported.</summary>
    public IEnumerable<(string Path, string Value)> List(string key)
    {
        _known.Add(key);
        var list = section.GetSection(key);
        if (list.Value is { Length: > 0 } single)
        {
            report.Error(list.Path, $"must be a list such as [\"{single}\"], not a single value");
            yield break;
        }

        foreach (var item in list.GetChildren())
        {
            if (item.Value is { } value)
            {
                yield return (item.Path, value);
            }
            else
            {
                report.Error(item.Path, "must be a value, not a section");
            }
        }
    }

    /// <summary>The nodes of a list of objects (<c>key:0:...</c>).</summary>
    public IEnumerable<ConfigurationNode> Objects(string key)
    {
        _known.Add(key);
        foreach (var item in section.GetSection(key).GetChildren())
        {
            if (item.Value is not null)
            {
                report.Error(item.Path, "must be an object with named fields");
                continue;
            }

            yield return new ConfigurationNode(item, report);
        }
    }

    public ConfigurationNode Child(string key)
    {
        _known.Add(key);
        return new ConfigurationNode(section.GetSection(key), report);
    }

    /// <summary>A key the library knows but cannot honour: logged once at start, never silently dropped.</summary>
    public void NotSupported(string key, string why)
    {
        _known.Add(key);
        if (section.GetSection(key) is var child && (child.Value is not null || child.GetChildren().Any()))
        {
            report.NotSupported(child.Path, why);
        }
    }

    /// <summary>Reports every key of this section that was not read.</summary>
    public void CheckUnknownKeys()
    {
        foreach (var child in section.GetChildren())
        {
            if (!_known.Contains(child.Key))
            {
                report.Error(child.Path, $"is not a known setting (known here: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
            }
        }
    }

    private T? Bad<T>(string key, string text, string expected)
        where T : struct
    {
        report.Error(PathOf(key), $"'{text}' must be {expected}");
        return null;
    }

    private Uri? Bad(string key, string text, string expected)
    {
        report.Error(PathOf(key), $"'{text}' must be {expected}");
        return null;
    }
}
