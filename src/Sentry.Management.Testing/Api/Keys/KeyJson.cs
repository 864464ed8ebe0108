using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Keys;

/// <summary>Sentry's client key shape, with every DSN variant pointing at this server.</summary>
internal static class KeyJson
{
    public static JsonObject Write(StoredKey key, LocalServerState state)
    {
        var dsn = state.DsnOf(key);
        var api = $"{state.BaseUrl}/api/{key.ProjectId}";
        return new JsonObject
        {
            ["id"] = key.Public,
            ["name"] = key.Name,
            ["label"] = key.Name,
            ["public"] = key.Public,
            ["secret"] = key.Secret,
            ["projectId"] = int.Parse(key.ProjectId, CultureInfo.InvariantCulture),
            ["isActive"] = key.IsActive,
            ["rateLimit"] = key.RateLimitWindow is { } window && key.RateLimitCount is { } count
                ? new JsonObject { ["window"] = window, ["count"] = count }
                : null,
            ["dsn"] = new JsonObject
            {
                ["secret"] = dsn.Replace("@", ":" + key.Secret + "@", StringComparison.Ordinal),
                ["public"] = dsn,
                ["csp"] = $"{api}/csp-report/?sentry_key={key.Public}",
                ["security"] = $"{api}/security/?sentry_key={key.Public}",
                ["minidump"] = $"{api}/minidump/?sentry_key={key.Public}",
                ["nel"] = $"{api}/nel/?sentry_key={key.Public}",
                ["unreal"] = $"{api}/unreal/{key.Public}/",
                ["crons"] = $"{api}/cron/___MONITOR_SLUG___/{key.Public}/",
                ["cdn"] = $"{state.BaseUrl}/js-sdk-loader/{key.Public}.min.js",
                ["playstation"] = $"{api}/playstation/?sentry_key={key.Public}",
                ["integration"] = $"{api}/integration/",
                ["otlp_traces"] = $"{api}/integration/otlp/v1/traces",
                ["otlp_logs"] = $"{api}/integration/otlp/v1/logs",
            },
            ["browserSdkVersion"] = "latest",
            ["browserSdk"] = new JsonObject { ["choices"] = new JsonArray(new JsonArray("latest", "latest"), new JsonArray("8.x", "8.x")) },
            ["dateCreated"] = ApiJson.Date(key.DateCreated),
            ["dynamicSdkLoaderOptions"] = new JsonObject
            {
                ["hasReplay"] = true,
                ["hasPerformance"] = true,
                ["hasDebug"] = false,
                ["hasFeedback"] = false,
                ["hasLogsAndMetrics"] = false,
            },
            ["useCase"] = "user",
        };
    }
}
