using System.Net;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows;

/// <summary>Minimal Sentry answers the workflow tests build their scenarios from.</summary>
internal static class WorkflowJson
{
    internal const string IngestHost = "https://o1.ingest.example.com";
    internal const string EnvelopePath = "/api/42/envelope/";

    internal static string Team(string slug) => $$"""{"id":"7","slug":"{{slug}}","name":"{{slug}}"}""";

    internal static string Project(string slug, string platform = "csharp", string team = "platform") =>
        $$"""{"id":"42","slug":"{{slug}}","name":"{{slug}}","platform":"{{platform}}","teams":[{"id":"7","slug":"{{team}}"}]}""";

    internal static string Key(string name, string publicKey = "abc123", bool active = true) =>
        $$$"""{"id":"{{{publicKey}}}","name":"{{{name}}}","public":"{{{publicKey}}}","isActive":{{{(active ? "true" : "false")}}},"dsn":{"public":"https://{{{publicKey}}}@o1.ingest.example.com/42","secret":"https://{{{publicKey}}}:s3cr3t@o1.ingest.example.com/42"}}""";

    internal static string Release(string version, string? dateReleased = null, int commitCount = 0, string? lastCommit = null, string? reference = null, string dateCreated = "2026-11-20T10:00:00Z") =>
        $$"""{"id":"1","version":"{{version}}","ref":{{Str(reference)}},"dateCreated":"{{dateCreated}}","dateReleased":{{Str(dateReleased)}},"commitCount":{{commitCount}},"lastCommit":{{(lastCommit is null ? "null" : $$"""{"id":"{{lastCommit}}"}""")}},"projects":[{"id":"42","slug":"api"}]}""";

    internal static string Deploy(string environment, string? name) =>
        $$"""{"id":"9","environment":"{{environment}}","name":{{Str(name)}}}""";

    internal static string Error(HttpStatusCode status, string detail) => $$"""{"detail":"{{detail}}"}""";

    internal static string Str(string? value) => value is null ? "null" : "\"" + value + "\"";

    internal static void NotFound(this RequestRecorder recorder, SentryTestHarness h, HttpMethod method, string path) =>
        recorder.On(h, method, path, _ => SentryTestHarness.Json("""{"detail":"The requested resource does not exist"}""", HttpStatusCode.NotFound));
}
