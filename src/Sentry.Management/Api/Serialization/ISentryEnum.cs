namespace Sentry.Management.Serialization;

/// <summary>
/// A string value from a set Sentry may extend (a status, a role, a level). Unknown values read fine and
/// round-trip unchanged, unlike a C# <see langword="enum"/>, which would fail the whole call.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ISentryEnum<TSelf>
    where TSelf : struct, ISentryEnum<TSelf>
{
    /// <summary>The value as Sentry spells it.</summary>
    string Value { get; }

    /// <summary>Wraps a value read from JSON, known or not.</summary>
    /// <param name="value">The value as Sentry sent it.</param>
    /// <returns>The wrapped value.</returns>
    static abstract TSelf From(string value);
}
