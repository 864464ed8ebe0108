using System.Globalization;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// The cursor a list tool hands out: Sentry's page cursor plus how many items of that page were already shown, so a
/// result cut by <c>limit</c> or the size budget continues exactly where it stopped (<c>{sentryCursor}@{skip}</c>;
/// Sentry's own cursors never contain '@').
/// </summary>
internal readonly record struct ToolCursor(string? SentryCursor, int Skip)
{
    public static ToolCursor Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return default;
        }

        var at = value.LastIndexOf('@');
        if (at < 0)
        {
            return new ToolCursor(value, 0);
        }

        if (!int.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var skip))
        {
            throw new ToolInputException($"cursor '{value}' is not one this server handed out; pass the nextCursor of a previous result unchanged.");
        }

        return new ToolCursor(at == 0 ? null : value[..at], skip);
    }

    public override string ToString() =>
        Skip == 0 ? SentryCursor ?? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{SentryCursor}@{Skip}");
}
