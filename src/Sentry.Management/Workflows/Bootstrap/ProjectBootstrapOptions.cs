
namespace Sentry.Management;

/// <summary>
/// What <see cref="OrganizationClient.BootstrapProjectAsync"/> sets up: a project under a team with a platform, its
/// client key, and the settings of the capture client it hands back.
/// </summary>
public sealed class ProjectBootstrapOptions
{
    /// <summary>The project's slug (required), such as <c>backend</c>; found if it exists, created if not.</summary>
    public required string Project { get; set; }

    /// <summary>The team that owns the project (required). It must exist unless <see cref="CreateTeamIfMissing"/> is set.</summary>
    public required string Team { get; set; }

    /// <summary>The display name of a new project; the slug when unset.</summary>
    public string? Name { get; set; }

    /// <summary>The platform of a new project, such as <c>csharp</c> or <c>javascript-react</c>.</summary>
    public string? Platform { get; set; }

    /// <summary>Create <see cref="Team"/> when it does not exist (needs <c>team:write</c>); off by default, so a typo fails instead of creating a stray team.</summary>
    public bool CreateTeamIfMissing { get; set; }

    /// <summary>
    /// The client key to use, by name; created when the project has no active key of that name. When unset, the
    /// project's first active key is used, and a key named <c>Default</c> is created only when it has none.
    /// </summary>
    public string? KeyName { get; set; }

    /// <summary>The environment events are sent with, such as <c>production</c>.</summary>
    public string? Environment { get; set; }

    /// <summary>The release events belong to, such as <c>my-app@1.2.3</c>.</summary>
    public string? Release { get; set; }

    /// <summary>The machine name sent as <c>server_name</c>.</summary>
    public string? ServerName { get; set; }

    /// <summary>The share of error and message events kept, 0 to 1; the capture default (1) when unset.</summary>
    public double? SampleRate { get; set; }

    /// <summary>The share of transactions kept, 0 to 1; the capture default (0) when unset.</summary>
    public double? TracesSampleRate { get; set; }

    /// <summary>Declarative filters (ignore or sample matching events), applied in order.</summary>
    public IList<SentryFilterRule> FilterRules { get; } = [];

    /// <summary>Any further capture setting (spool folder, queue sizes, <c>BeforeSend</c>…), applied last.</summary>
    public Action<SentryCaptureOptions>? ConfigureCapture { get; set; }

    // Capture options are checked before Sentry is asked anything, and the real DSN is only known at the end;
    // this placeholder passes the DSN check so only the caller's own settings can fail it.
    private const string PlaceholderDsn = "https://public@sentry.invalid/1";

    /// <summary>Copies the capture settings onto capture options; the DSN is set last, so it is always the project key's.</summary>
    internal void ApplyTo(SentryCaptureOptions options, string dsn)
    {
        options.Environment = Environment ?? options.Environment;
        options.Release = Release ?? options.Release;
        options.ServerName = ServerName ?? options.ServerName;
        options.SampleRate = SampleRate ?? options.SampleRate;
        options.TracesSampleRate = TracesSampleRate ?? options.TracesSampleRate;
        foreach (var rule in FilterRules)
        {
            options.FilterRules.Add(rule);
        }

        ConfigureCapture?.Invoke(options);
        options.Dsn = dsn;
    }

    /// <summary>Throws naming the first bad setting; nothing has been sent yet.</summary>
    internal (string Project, string Team) Validate()
    {
        var project = SentrySlug.Validate(Project, "options.Project");
        var team = SentrySlug.Validate(Team, "options.Team");
        if (Name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(Name, "options.Name");
        }

        if (Platform is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(Platform, "options.Platform");
        }

        if (KeyName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(KeyName, "options.KeyName");
        }

        var capture = new SentryCaptureOptions();
        ApplyTo(capture, PlaceholderDsn);
        try
        {
            capture.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message, "options", e);
        }

        return (project, team);
    }
}
