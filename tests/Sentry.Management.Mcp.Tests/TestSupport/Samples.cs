namespace Sentry.Management.Mcp.Tests.TestSupport;

/// <summary>Small Sentry answers written for these tests (shapes from Sentry's OpenAPI schema).</summary>
internal static class Samples
{
    public const string Root = """{"version":"0","user":{"id":"42","name":"Ada Lovelace","username":"ada","email":"ada@example.com"},"auth":{"scopes":["org:read","project:read","event:read"]}}""";
    public const string Organization = """{"id":"1","slug":"acme","name":"Acme","links":{"organizationUrl":"https://acme.sentry.io","regionUrl":"https://us.sentry.io"}}""";
    public const string Team = """{"id":"7","slug":"backend","name":"Backend","memberCount":3,"isMember":true}""";
    public const string Project = """{"id":"11","slug":"api","name":"API","platform":"csharp","teams":[{"id":"7","slug":"backend","name":"Backend"}]}""";
    public const string Key = """{"id":"abc123","name":"Default","public":"abc123","secret":"s3cr3t-never-shown","isActive":true,"dsn":{"public":"https://abc123@o1.ingest.sentry.io/11","secret":"https://abc123:s3cr3t-never-shown@o1.ingest.sentry.io/11"},"rateLimit":null}""";
    public const string Release = """{"version":"api@1.2.0","shortVersion":"1.2.0","dateCreated":"2026-11-30T10:00:00Z","newGroups":2,"commitCount":1,"deployCount":1,"projects":[{"id":"11","slug":"api","name":"API"}]}""";
    public const string Deploy = """{"id":"5","environment":"production","name":"deploy 5","dateFinished":"2026-11-30T11:00:00Z"}""";
    public const string Commit = """{"id":"0123456789abcdef0123","message":"Fix the checkout","author":{"name":"Ada"},"repository":{"name":"acme/api"}}""";
    public const string Issue = """{"id":"1001","shortId":"API-1","title":"NullReferenceException: Object reference not set","culprit":"Checkout.Pay","status":"unresolved","level":"error","count":"12","userCount":3,"firstSeen":"2026-11-29T10:00:00Z","lastSeen":"2026-11-30T10:00:00Z","project":{"id":"11","slug":"api"},"permalink":"https://acme.sentry.io/issues/1001/"}""";
    public const string Event = """{"id":"e1","eventID":"0123456789abcdef0123456789abcdef","title":"NullReferenceException","message":"boom","dateCreated":"2026-11-30T10:00:00Z","tags":[{"key":"environment","value":"production"}],"entries":[{"type":"exception","data":{"values":[{"type":"NullReferenceException","value":"Object reference not set","stacktrace":{"frames":[{"function":"Main","filename":"Program.cs","lineNo":10,"inApp":true},{"function":"Pay","filename":"Checkout.cs","lineNo":42,"inApp":true}]}}]}},{"type":"breadcrumbs","data":{"values":[{"timestamp":"2026-11-30T09:59:59Z","category":"http","level":"info","message":"POST /pay"}]}}]}""";
    public const string Tag = """{"key":"browser","name":"Browser","uniqueValues":2,"totalValues":12,"topValues":[{"key":"browser","value":"Chrome 120","count":9},{"key":"browser","value":"Firefox 121","count":3}]}""";
    public const string IssueRule = """{"id":"31","name":"High Error Rate Alert","actionMatch":"all","frequency":30,"conditions":[{"id":"sentry.rules.conditions.event_frequency.EventFrequencyCondition","value":100,"interval":"1m"}],"actions":[{"id":"sentry.integrations.slack.notify_action.SlackNotifyServiceAction","channel":"#alerts"}]}""";
    public const string MetricRule = """{"id":"41","name":"Errors above 10","aggregate":"count()","query":"level:error","timeWindow":1,"thresholdType":0,"triggers":[{"label":"critical","alertThreshold":10,"actions":[]}],"projects":["api"]}""";
    public const string StatsV2 = """{"start":"2026-11-29T00:00:00Z","end":"2026-11-30T00:00:00Z","intervals":[],"groups":[{"by":{"outcome":"accepted"},"totals":{"sum(quantity)":1234}},{"by":{"outcome":"rate_limited"},"totals":{"sum(quantity)":5}}]}""";

    public const string Note = """{"id":"2001","type":"note","dateCreated":"2026-11-30T12:00:00Z","data":{"text":"Looking into it"},"user":{"id":"1","name":"Ada Lovelace"}}""";
    public const string DiscoverRows = """{"data":[{"issue":"API-1","title":"NullReferenceException: Object reference not set","count()":12,"last_seen()":"2026-11-30T10:00:00Z"}],"meta":{"fields":{"issue":"string","title":"string","count()":"integer","last_seen()":"date"}}}""";

    public static string Sessions(double crashFree, double sessions) =>
        "{\"groups\":[{\"by\":{},\"totals\":{\"crash_free_rate(session)\":" + crashFree.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ",\"crash_free_rate(user)\":0.99,\"sum(session)\":" + sessions.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"count_unique(user)\":10}}]}";

    public static string List(params string[] items) => "[" + string.Join(",", items) + "]";
}
