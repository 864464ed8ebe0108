namespace Sentry.Management.Testing;

/// <summary>One exception of an event's exception chain.</summary>
/// <param name="Type">The exception type, such as <c>System.InvalidOperationException</c>.</param>
/// <param name="Value">The exception message.</param>
/// <param name="Module">The module (namespace or assembly), if the SDK sent one.</param>
public sealed record ReceivedException(string? Type, string? Value, string? Module);
