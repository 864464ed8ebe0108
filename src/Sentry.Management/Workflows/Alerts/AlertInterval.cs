namespace Sentry.Management;

/// <summary>
/// A window of an event-frequency trigger, spelled as both of Sentry's alert APIs spell it (<c>1m</c> … <c>30d</c>).
/// Only the values below exist; the builder rejects any other.
/// </summary>
public sealed class AlertInterval
{
    private AlertInterval(string value, TimeSpan duration)
    {
        Value = value;
        Duration = duration;
    }

    /// <summary>One minute (<c>1m</c>).</summary>
    public static AlertInterval OneMinute { get; } = new("1m", TimeSpan.FromMinutes(1));

    /// <summary>Five minutes (<c>5m</c>).</summary>
    public static AlertInterval FiveMinutes { get; } = new("5m", TimeSpan.FromMinutes(5));

    /// <summary>Fifteen minutes (<c>15m</c>).</summary>
    public static AlertInterval FifteenMinutes { get; } = new("15m", TimeSpan.FromMinutes(15));

    /// <summary>One hour (<c>1h</c>).</summary>
    public static AlertInterval OneHour { get; } = new("1h", TimeSpan.FromHours(1));

    /// <summary>One day (<c>1d</c>).</summary>
    public static AlertInterval OneDay { get; } = new("1d", TimeSpan.FromDays(1));

    /// <summary>One week (<c>1w</c>).</summary>
    public static AlertInterval OneWeek { get; } = new("1w", TimeSpan.FromDays(7));

    /// <summary>Thirty days (<c>30d</c>).</summary>
    public static AlertInterval ThirtyDays { get; } = new("30d", TimeSpan.FromDays(30));

    /// <summary>Every interval, shortest first.</summary>
    public static IReadOnlyList<AlertInterval> All { get; } = [OneMinute, FiveMinutes, FifteenMinutes, OneHour, OneDay, OneWeek, ThirtyDays];

    /// <summary>The value as Sentry spells it, such as <c>5m</c>.</summary>
    public string Value { get; }

    /// <summary>The length of the window.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Reads Sentry's spelling (<c>1m</c>, <c>5m</c>, <c>15m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c>, <c>30d</c>).</summary>
    /// <param name="value">The spelling.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentException">Sentry has no such interval.</exception>
    public static AlertInterval Parse(string value) =>
        All.FirstOrDefault(i => string.Equals(i.Value, value?.Trim(), StringComparison.Ordinal))
            ?? throw new ArgumentException($"'{value}' is not an alert interval: use {string.Join(", ", All.Select(i => i.Value))}.", nameof(value));

    /// <inheritdoc />
    public override string ToString() => Value;
}
