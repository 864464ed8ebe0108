namespace Sentry.Management.Testing.Ingestion;

/// <summary>An envelope (or store payload) that cannot be read; the message is the reason sent back with the 400.</summary>
internal sealed class EnvelopeFormatException(string reason) : Exception(reason);
