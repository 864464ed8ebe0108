namespace Sentry.Management.Mcp.Tooling;

/// <summary>What the descriptions teach about Sentry's search syntax, so the assistant writes the query itself (no LLM on the server).</summary>
internal static class QuerySyntax
{
    public const string Issues =
        "Sentry issue search syntax: space-separated `key:value` terms (all must match), free text matches the title. "
        + "Fields: `is:unresolved|resolved|ignored|archived|assigned|unassigned|for_review|linked|unlinked`, `level:error|warning|fatal|info`, "
        + "`assigned:me|#team-slug|user@example.com`, `bookmarks:me`, `release:1.2.0` (or `release:latest`), `environment:production`, "
        + "`project:backend`, `firstSeen:-24h` (newer than 24 hours), `lastSeen:+7d` (older than 7 days), `times_seen:>100`, `user.email:...`, "
        + "`error.type:ValueError`, `error.handled:false`, `url:*checkout*`, any event tag such as `browser.name:Chrome`. "
        + "Operators: `!` negates (`!level:info`), `>`, `<`, `>=`, `<=` for numbers and dates, `*` wildcards, `[a, b]` lists (`level:[error, fatal]`), quotes for spaces (`message:\"out of memory\"`), `OR`/`AND` with parentheses. "
        + "Periods are `24h`, `7d`, `14d`, `30d`, `90d` (hours, days, weeks: `2w`).";

    public const string Events =
        "Sentry event search syntax: `key:value` terms such as `level:error`, `environment:production`, `release:1.2.0`, `user.email:a@b.c`, `transaction:/checkout`, "
        + "`http.status_code:500`, `message:\"timeout\"`, tags like `browser.name:Firefox`; `!` negates, `>`/`<` compare numbers and dates (`timestamp:>2026-11-01`), `*` is a wildcard.";

    public const string Releases = "Filters releases whose version contains this text (such as `1.2` or `backend@`).";
}
