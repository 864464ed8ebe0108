using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Members;

public sealed class MemberEndpointTests
{
    [Test]
    public async Task The_token_user_is_one_user_in_the_root_members_notes_and_assignees()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var issue = await http.CreateIssueAsync(sentry);

        var assigned = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/issues/{issue}/", """{"assignedTo":"me"}""");
        var note = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/issues/{issue}/notes/", """{"text":"Looking"}""");
        var root = (await http.GetJsonAsync("/api/0/")).GetProperty("user");
        var member = (await http.GetJsonAsync("/api/0/organizations/local/members/me/")).GetProperty("user");
        var mine = await http.GetJsonAsync("/api/0/organizations/local/issues/?query=assigned:me");
        var byEmail = await http.GetJsonAsync($"/api/0/organizations/local/issues/?query=assigned:{root.GetProperty("email").GetString()}");

        Assert.Multiple(() =>
        {
            foreach (var field in new[] { "id", "name", "email" })
            {
                Assert.That(member.GetProperty(field).GetString(), Is.EqualTo(root.GetProperty(field).GetString()), "member " + field);
                Assert.That(note.Body.GetProperty("user").GetProperty(field).GetString(), Is.EqualTo(root.GetProperty(field).GetString()), "note author " + field);
                Assert.That(assigned.Body.GetProperty("assignedTo").GetProperty(field).GetString(), Is.EqualTo(root.GetProperty(field).GetString()), "assignee " + field);
            }

            Assert.That(note.Body.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo(root.GetProperty("username").GetString()));
            Assert.That(mine.EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { issue }));
            Assert.That(byEmail.EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { issue }));
        });
    }

    [Test]
    public async Task The_token_belongs_to_the_seeded_owner_with_an_owners_scopes()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        var root = await http.GetJsonAsync("/api/0/");
        var members = await http.GetJsonAsync("/api/0/organizations/local/members/");
        var me = await http.GetJsonAsync("/api/0/organizations/local/members/me/");
        var byEmail = await http.GetJsonAsync("/api/0/organizations/local/members/?query=email:owner@local.test");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("owner@local.test"));
            Assert.That(root.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("owner"));
            Assert.That(root.GetProperty("auth").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()),
                Is.SupersetOf(new[] { "org:admin", "project:admin", "project:releases", "team:admin", "member:admin", "event:admin", "alerts:write" }));
            Assert.That(members.GetArrayLength(), Is.EqualTo(1));
            Assert.That(members[0].GetProperty("orgRole").GetString(), Is.EqualTo("owner"));
            Assert.That(me.GetProperty("isOnlyOwner").GetBoolean(), Is.True);
            Assert.That(me.GetProperty("teams")[0].GetString(), Is.EqualTo("local"));
            Assert.That(byEmail.GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Invite_update_and_remove_a_member()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        var invited = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/members/", """{"email":"dev@local.test","orgRole":"member","teams":["local"]}""");
        var again = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/members/", """{"email":"DEV@local.test"}""");
        var noEmail = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/members/", "{}");
        var badRole = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/members/", """{"email":"x@local.test","orgRole":"emperor"}""");
        var id = invited.Body.GetProperty("id").GetString();
        var updated = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/members/{id}/", """{"orgRole":"admin"}""");
        var removed = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/members/{id}/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/local/members/{id}/");
        var lastOwner = await http.SendJsonAsync(HttpMethod.Delete, "/api/0/organizations/local/members/me/");

        Assert.Multiple(() =>
        {
            Assert.That(invited.Status, Is.EqualTo(201));
            Assert.That(invited.Body.GetProperty("pending").GetBoolean(), Is.True);
            Assert.That(invited.Body.GetProperty("user").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(again.Status, Is.EqualTo(400));
            Assert.That(again.Body.GetProperty("email")[0].GetString(), Does.Contain("already been invited"));
            Assert.That(noEmail.Status, Is.EqualTo(400));
            Assert.That(noEmail.Body.GetProperty("email")[0].GetString(), Is.EqualTo("This field is required."));
            Assert.That(badRole.Status, Is.EqualTo(400));
            Assert.That(updated.Body.GetProperty("orgRole").GetString(), Is.EqualTo("admin"));
            Assert.That(updated.Body.GetProperty("teams")[0].GetString(), Is.EqualTo("local"));
            Assert.That(removed.Status, Is.EqualTo(204));
            Assert.That(gone.Status, Is.EqualTo(404));
            Assert.That(lastOwner.Status, Is.EqualTo(403));
            Assert.That(lastOwner.Body.GetProperty("detail").GetString(), Does.Contain("only remaining owner"));
        });
    }

    [Test]
    public async Task Member_team_memberships_are_added_changed_and_removed()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"slug":"platform"}""");
        var me = await http.GetJsonAsync("/api/0/organizations/local/members/me/");
        var id = me.GetProperty("id").GetString();

        // The creator of a team is on it already: Sentry answers 204, nothing changes.
        var already = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/members/{id}/teams/platform/");
        var left = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/members/{id}/teams/platform/");
        var notOnTeam = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/members/{id}/teams/platform/", """{"teamRole":"admin"}""");
        var joined = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/members/{id}/teams/platform/");
        var role = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/members/{id}/teams/platform/", """{"teamRole":"contributor"}""");
        var badRole = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/members/{id}/teams/platform/", """{"teamRole":"boss"}""");
        var noTeam = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/members/{id}/teams/nope/");
        var teamMembers = await http.GetJsonAsync("/api/0/teams/local/platform/members/");

        Assert.Multiple(() =>
        {
            Assert.That(already.Status, Is.EqualTo(204));
            Assert.That(left.Status, Is.EqualTo(200));
            Assert.That(left.Body.GetProperty("isMember").GetBoolean(), Is.False);
            Assert.That(notOnTeam.Status, Is.EqualTo(404));
            Assert.That(joined.Status, Is.EqualTo(201));
            Assert.That(joined.Body.GetProperty("isMember").GetBoolean(), Is.True);
            Assert.That(role.Body.GetProperty("teamRole").GetString(), Is.EqualTo("contributor"));
            Assert.That(badRole.Status, Is.EqualTo(400));
            Assert.That(noTeam.Status, Is.EqualTo(404));
            Assert.That(teamMembers[0].GetProperty("teamRole").GetString(), Is.EqualTo("contributor"));
        });
    }

    [Test]
    public async Task Our_clients_identity_check_finds_the_owner_its_scopes_and_the_organization()
    {
        await using var sentry = await LocalSentry.StartAsync();

        var identity = await OurClient.CheckIdentityAsync(sentry);

        Assert.Multiple(() =>
        {
            Assert.That(identity.User?.Email, Is.EqualTo("owner@local.test"));
            Assert.That(identity.User?.Username, Is.EqualTo("owner"));
            Assert.That(identity.Scopes, Does.Contain("org:admin").And.Contain("alerts:write"));
            Assert.That(identity.CanReachOrganization, Is.True);
        });
    }
}
