namespace Sentry.Management;

/// <summary>How a tagged-event filter compares an event's tag with a value: Sentry's match types, spelled as it spells them.</summary>
public sealed class TagMatch
{
    private TagMatch(string value, string description, bool takesValue)
    {
        Value = value;
        Description = description;
        TakesValue = takesValue;
    }

    /// <summary>The tag equals the value (<c>eq</c>).</summary>
    public static TagMatch EqualTo { get; } = new("eq", "equals", takesValue: true);

    /// <summary>The tag does not equal the value (<c>ne</c>).</summary>
    public static TagMatch NotEqualTo { get; } = new("ne", "does not equal", takesValue: true);

    /// <summary>The tag starts with the value (<c>sw</c>).</summary>
    public static TagMatch StartsWith { get; } = new("sw", "starts with", takesValue: true);

    /// <summary>The tag ends with the value (<c>ew</c>).</summary>
    public static TagMatch EndsWith { get; } = new("ew", "ends with", takesValue: true);

    /// <summary>The tag contains the value (<c>co</c>).</summary>
    public static TagMatch Contains { get; } = new("co", "contains", takesValue: true);

    /// <summary>The tag does not contain the value (<c>nc</c>).</summary>
    public static TagMatch DoesNotContain { get; } = new("nc", "does not contain", takesValue: true);

    /// <summary>The event has the tag, whatever its value (<c>is</c>); takes no value.</summary>
    public static TagMatch IsSet { get; } = new("is", "is set", takesValue: false);

    /// <summary>The event does not have the tag (<c>ns</c>); takes no value.</summary>
    public static TagMatch IsNotSet { get; } = new("ns", "is not set", takesValue: false);

    /// <summary>The match type as Sentry spells it, such as <c>eq</c>.</summary>
    public string Value { get; }

    /// <summary>Whether the match compares with a value (all but <see cref="IsSet"/> and <see cref="IsNotSet"/>).</summary>
    public bool TakesValue { get; }

    internal string Description { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
