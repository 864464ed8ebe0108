namespace Sentry.Management.Testing;

/// <summary>A request the ingestion endpoint refused (malformed envelope, unknown key…), with the reason it answered.</summary>
/// <param name="StatusCode">The HTTP status it answered, such as 400 or 401.</param>
/// <param name="Reason">The reason, as sent in the response's <c>detail</c>.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReceivedRejection(int StatusCode, string Reason, DateTimeOffset ReceivedAt);
