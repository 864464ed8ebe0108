using System.Globalization;

namespace Sentry.Management.Testing.Host;

/// <summary>The command line of <c>sentry-local</c>, read into <see cref="LocalSentryOptions"/> and fault switches.</summary>
internal sealed class HostArguments
{
    public const string Usage = """
        sentry-local: a local Sentry (ingestion + management API) on 127.0.0.1.

        Usage: sentry-local [options]
          --port <n>             port on 127.0.0.1 (default 0: a free one)
          --data <file>          keep state in this SQLite file across restarts (default: in memory)
          --org <slug>           organization slug (default local)
          --project <slug>       project slug (default app)
          --token <token>        auth token to accept (default: generated, or the one kept in --data)
          --public-key <hex>     the DSN's public key, 32 hex characters (default: generated or kept)
          --alert-api <gen>      both (default), legacy (no workflows/detectors) or workflow-engine (no legacy rules)
          --legacy-alerts        same as --alert-api legacy
          --workflow-engine      same as --alert-api workflow-engine
          --legacy-rules-gone    answer 410 Gone on the legacy issue alert rules, as Sentry's brownouts do
          --slack-workspace <n>  the installed Slack workspace's name (default local-workspace)
          --github-org <n>       the GitHub organization of the GitHub integration (default local-github)
          --fault <spec>         a fault switch, repeatable, e.g. ingestion:rate-limit=60;categories=error
                                 management:server-error=503;times=2  management:delay=20
                                 ingestion:drop;times=1  management:limit;concurrent=4;per-second=20
          --log-level <level>    trace, debug, information (default), warning, error, none
          --help                 show this help

        Prints one JSON line on stdout: {"url","authToken","organization","project","projectId","dsn"}.
        Logs go to stderr. Stops on Ctrl+C or SIGTERM.
        """;

    public LocalSentryOptions Options { get; } = new();

    public List<string> Faults { get; } = [];

    public string LogLevel { get; private set; } = "information";

    public bool Help { get; private set; }

    /// <exception cref="ArgumentException">An option is unknown or its value is missing or malformed.</exception>
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new HostArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--port":
                    var port = Value();
                    parsed.Options.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                        ? p
                        : throw new ArgumentException($"--port '{port}' is not a port number.");
                    break;
                case "--data":
                    parsed.Options.DataFile = Value();
                    break;
                case "--org":
                    parsed.Options.Organization = Value();
                    break;
                case "--project":
                    parsed.Options.Project = Value();
                    break;
                case "--token":
                    parsed.Options.AuthToken = Value();
                    break;
                case "--public-key":
                    parsed.Options.PublicKey = Value();
                    break;
                case "--alert-api":
                    parsed.Options.AlertApi = Value() switch
                    {
                        "both" => LocalSentryAlertApi.Both,
                        "legacy" => LocalSentryAlertApi.Legacy,
                        "workflow-engine" => LocalSentryAlertApi.WorkflowEngine,
                        var other => throw new ArgumentException($"--alert-api '{other}' is not one of both, legacy, workflow-engine."),
                    };
                    break;
                case "--legacy-alerts":
                    parsed.Options.AlertApi = LocalSentryAlertApi.Legacy;
                    break;
                case "--workflow-engine":
                    parsed.Options.AlertApi = LocalSentryAlertApi.WorkflowEngine;
                    break;
                case "--legacy-rules-gone":
                    parsed.Options.LegacyIssueAlertRulesGone = true;
                    break;
                case "--slack-workspace":
                    parsed.Options.SlackWorkspace = Value();
                    break;
                case "--github-org":
                    parsed.Options.GitHubOrganization = Value();
                    break;
                case "--fault":
                    parsed.Faults.Add(Value());
                    break;
                case "--log-level":
                    parsed.LogLevel = Value().ToLowerInvariant();
                    break;
                case "--help" or "-h" or "-?":
                    parsed.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        parsed.Options.Validate();
        return parsed;
    }
}
