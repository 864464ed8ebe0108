using System.Text.Json;

namespace Sentry.Management.Testing;

/// <summary>One structured log entry of a <c>log</c> item.</summary>
/// <param name="Level">The level, such as <c>info</c> or <c>error</c>.</param>
/// <param name="Body">The log message.</param>
/// <param name="Json">The entry as received, with its <c>attributes</c>, <c>trace_id</c> and <c>timestamp</c>.</param>
public sealed record ReceivedLog(string? Level, string? Body, JsonElement Json);
