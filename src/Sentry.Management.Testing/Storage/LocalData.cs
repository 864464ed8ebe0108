namespace Sentry.Management.Testing.Storage;

/// <summary>
/// Every collection the local Sentry keeps, opened on one <see cref="ILocalStore"/>. An area that needs a new kind
/// of entity adds a class under <c>Storage/Entities</c>, a line in <see cref="StoreJsonContext"/> and a property here.
/// </summary>
internal sealed class LocalData : IDisposable
{
    public LocalData(ILocalStore store)
    {
        Store = store;
        var json = StoreJsonContext.Default;
        Organizations = store.Collection("organization", json.StoredOrganization, o => o.Id);
        Projects = store.Collection("project", json.StoredProject, p => p.Id);
        Keys = store.Collection("key", json.StoredKey, k => k.Public);
        Tokens = store.Collection("token", json.StoredToken, t => t.Token);
        Issues = store.Collection("issue", json.StoredIssue, i => i.Id);
        Events = store.Collection("event", json.StoredEvent, e => e.ProjectId + ":" + e.EventId);
        Outcomes = store.Collection("outcome", json.StoredOutcome, o => o.Key);
        Sessions = store.Collection("session", json.StoredSession, s => s.Key);
        Notes = store.Collection("note", json.StoredNote, n => n.Id);
        Teams = store.Collection("team", json.StoredTeam, t => t.Id);
        Members = store.Collection("member", json.StoredMember, m => m.Id);
        Releases = store.Collection("release", json.StoredRelease, r => r.Id);
        Commits = store.Collection("commit", json.StoredCommit, c => c.Id);
        Repositories = store.Collection("repository", json.StoredRepository, r => r.Id);
        Deploys = store.Collection("deploy", json.StoredDeploy, d => d.Id);
        Alerts = store.Collection("alert", json.StoredAlert, a => a.Key);
        Integrations = store.Collection("integration", json.StoredIntegration, i => i.Id);
        ExternalIssues = store.Collection("external-issue", json.StoredExternalIssue, e => e.Id);
    }

    /// <summary>
    /// Taken around every read-modify-write that spans entities (grouping an event into an issue, bulk updates),
    /// so concurrent requests see each other's changes whole.
    /// </summary>
    public Lock Gate { get; } = new();

    public ILocalStore Store { get; }

    public IStoreCollection<StoredOrganization> Organizations { get; }

    public IStoreCollection<StoredProject> Projects { get; }

    public IStoreCollection<StoredKey> Keys { get; }

    public IStoreCollection<StoredToken> Tokens { get; }

    public IStoreCollection<StoredIssue> Issues { get; }

    /// <summary>Events and transactions, keyed <c>{projectId}:{eventId}</c>.</summary>
    public IStoreCollection<StoredEvent> Events { get; }

    public IStoreCollection<StoredOutcome> Outcomes { get; }

    public IStoreCollection<StoredSession> Sessions { get; }

    public IStoreCollection<StoredNote> Notes { get; }

    public IStoreCollection<StoredTeam> Teams { get; }

    public IStoreCollection<StoredMember> Members { get; }

    public IStoreCollection<StoredRelease> Releases { get; }

    public IStoreCollection<StoredCommit> Commits { get; }

    public IStoreCollection<StoredRepository> Repositories { get; }

    public IStoreCollection<StoredDeploy> Deploys { get; }

    /// <summary>Workflows, detectors, issue alert rules and metric alert rules, keyed <c>{kind}:{id}</c>.</summary>
    public IStoreCollection<StoredAlert> Alerts { get; }

    public IStoreCollection<StoredIntegration> Integrations { get; }

    public IStoreCollection<StoredExternalIssue> ExternalIssues { get; }

    /// <summary>The next id of a numeric sequence, as Sentry's API writes ids: a decimal string.</summary>
    public string NextId(string sequence) => Store.NextId(sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public StoredOrganization? FindOrganization(string slugOrId) =>
        Organizations.All().FirstOrDefault(o => o.Slug == slugOrId || o.Id == slugOrId);

    public StoredProject? FindProject(StoredOrganization organization, string slugOrId) =>
        Projects.All().FirstOrDefault(p => p.OrganizationId == organization.Id && (p.Slug == slugOrId || p.Id == slugOrId));

    public void Dispose() => Store.Dispose();
}
