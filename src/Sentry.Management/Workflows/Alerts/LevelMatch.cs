namespace Sentry.Management;

/// <summary>How a level filter compares an event's level: equal, at least, at most.</summary>
public sealed class LevelMatch
{
    private LevelMatch(string value, string description)
    {
        Value = value;
        Description = description;
    }

    /// <summary>The level is exactly the given one (<c>eq</c>).</summary>
    public static LevelMatch EqualTo { get; } = new("eq", "is");

    /// <summary>The level is the given one or more severe (<c>gte</c>).</summary>
    public static LevelMatch AtLeast { get; } = new("gte", "is at least");

    /// <summary>The level is the given one or less severe (<c>lte</c>).</summary>
    public static LevelMatch AtMost { get; } = new("lte", "is at most");

    /// <summary>The match as Sentry spells it.</summary>
    public string Value { get; }

    internal string Description { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
