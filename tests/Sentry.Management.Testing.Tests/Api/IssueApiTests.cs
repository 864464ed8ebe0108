using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Api;

public sealed class IssueApiTests : LocalSentryFixture
{
    [Test]
    public async Task Lists_issues_with_sentry_shapes_and_counts()
    {
        await SendAsync(new { message = "Pump 1 failed", level = "error", release = "app@1.0", environment = "prod", user = new { id = "u1" }, tags = new { pump = "north" } });
        await SendAsync(new { message = "Pump 2 failed", level = "error", release = "app@1.0", environment = "prod", user = new { id = "u2" }, tags = new { pump = "south" } });

        var issues = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/");
        var issue = issues[0];

        Assert.Multiple(() =>
        {
            Assert.That(issues.GetArrayLength(), Is.EqualTo(1));
            Assert.That(issue.GetProperty("shortId").GetString(), Is.EqualTo("APP-1"));
            Assert.That(issue.GetProperty("title").GetString(), Is.EqualTo("Pump 2 failed"));
            Assert.That(issue.GetProperty("count").GetString(), Is.EqualTo("2"));
            Assert.That(issue.GetProperty("userCount").GetInt32(), Is.EqualTo(2));
            Assert.That(issue.GetProperty("status").GetString(), Is.EqualTo("unresolved"));
            Assert.That(issue.GetProperty("substatus").GetString(), Is.EqualTo("new"));
            Assert.That(issue.GetProperty("level").GetString(), Is.EqualTo("error"));
            Assert.That(issue.GetProperty("project").GetProperty("slug").GetString(), Is.EqualTo("app"));
            Assert.That(issue.GetProperty("firstSeen").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"));
            Assert.That(issue.GetProperty("stats").GetProperty("24h").GetArrayLength(), Is.EqualTo(24));
            Assert.That(issue.GetProperty("stats").GetProperty("24h")[23][1].GetInt32(), Is.EqualTo(2));
            Assert.That(issue.GetProperty("lifetime").GetProperty("count").GetString(), Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task Searches_by_status_level_release_environment_assignee_and_text()
    {
        var a = await SendAsync(new { message = "Alpha broke", level = "error", release = "app@1.0", environment = "prod" });
        var b = await SendAsync(new { message = "Beta broke", level = "warning", release = "app@2.0", environment = "staging" });
        var c = await SendAsync(new { message = "Gamma broke", level = "fatal", release = "app@2.0", environment = "prod" });
        await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/{c.IssueId}/", "{\"status\":\"resolved\"}");
        await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/{b.IssueId}/", "{\"assignedTo\":\"me\"}");

        async Task<string[]> Search(string query)
        {
            var result = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/?query={Uri.EscapeDataString(query)}&sort=new");
            return [.. result.EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await Search("is:unresolved"), Is.EqualTo(new[] { b.IssueId, a.IssueId }));
            Assert.That(await Search("is:resolved"), Is.EqualTo(new[] { c.IssueId }));
            Assert.That(await Search(""), Is.EqualTo(new[] { c.IssueId, b.IssueId, a.IssueId }));
            Assert.That(await Search("level:warning"), Is.EqualTo(new[] { b.IssueId }));
            Assert.That(await Search("level:[error,fatal]"), Is.EqualTo(new[] { c.IssueId, a.IssueId }));
            Assert.That(await Search("release:app@2.0"), Is.EqualTo(new[] { c.IssueId, b.IssueId }));
            Assert.That(await Search("environment:prod is:unresolved"), Is.EqualTo(new[] { a.IssueId }));
            Assert.That(await Search("assigned:me"), Is.EqualTo(new[] { b.IssueId }));
            Assert.That(await Search("is:unassigned is:unresolved"), Is.EqualTo(new[] { a.IssueId }));
            Assert.That(await Search("!level:error"), Is.EqualTo(new[] { c.IssueId, b.IssueId }));
            Assert.That(await Search("alpha"), Is.EqualTo(new[] { a.IssueId }));
            Assert.That(await Search("\"Beta broke\""), Is.EqualTo(new[] { b.IssueId }));
            Assert.That(await Search("APP-3"), Is.EqualTo(new[] { c.IssueId }));
        });
    }

    [Test]
    public async Task Rejects_unknown_search_keys_and_sorts_with_400()
    {
        var (status, body) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/issues/?query=is:bogus");
        var (sortStatus, _) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/issues/?sort=sideways");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(400));
            Assert.That(body.GetProperty("detail").GetString(), Does.Contain("is:bogus"));
            Assert.That(sortStatus, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Sorts_by_frequency_and_users()
    {
        var once = await SendAsync(new { message = "once" });
        var thrice = await SendAsync(new { message = "thrice", user = new { id = "1" } });
        await SendAsync(new { message = "thrice", user = new { id = "1" } });
        await SendAsync(new { message = "thrice", user = new { id = "1" } });
        var twoUsers = await SendAsync(new { message = "two users", user = new { id = "1" } });
        await SendAsync(new { message = "two users", user = new { email = "b@example.com" } });

        var freq = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/?sort=freq");
        var user = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/?sort=user");

        Assert.Multiple(() =>
        {
            Assert.That(freq.EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { thrice.IssueId, twoUsers.IssueId, once.IssueId }));
            Assert.That(user[0].GetProperty("id").GetString(), Is.EqualTo(twoUsers.IssueId));
        });
    }

    [Test]
    public async Task Bulk_updates_by_id_and_by_query_and_answers_the_changes()
    {
        var a = await SendAsync(new { message = "A", level = "warning" });
        var b = await SendAsync(new { message = "B", level = "warning" });
        var c = await SendAsync(new { message = "C", level = "error" });

        var (byId, changes) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/?id={a.IssueId}&id={b.IssueId}", "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreDuration\":30}}");
        var (byQuery, _) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/?query=level:error", "{\"status\":\"resolved\",\"statusDetails\":{\"inRelease\":\"app@3.0\"}}");
        var (nothing, _) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/?query=level:debug", "{\"status\":\"resolved\"}");
        var (invalid, error) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/?id={a.IssueId}", "{\"status\":\"bogus\"}");
        var issueA = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{a.IssueId}/");
        var issueC = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{c.IssueId}/");

        Assert.Multiple(() =>
        {
            Assert.That(byId, Is.EqualTo(200));
            Assert.That(changes.GetProperty("status").GetString(), Is.EqualTo("ignored"));
            Assert.That(changes.GetProperty("substatus").GetString(), Is.EqualTo("archived_until_condition_met"));
            Assert.That(issueA.GetProperty("status").GetString(), Is.EqualTo("ignored"));
            Assert.That(issueA.GetProperty("statusDetails").GetProperty("ignoreDuration").GetInt32(), Is.EqualTo(30));
            Assert.That(byQuery, Is.EqualTo(200));
            Assert.That(issueC.GetProperty("status").GetString(), Is.EqualTo("resolved"));
            Assert.That(issueC.GetProperty("statusDetails").GetProperty("inRelease").GetString(), Is.EqualTo("app@3.0"));
            Assert.That(nothing, Is.EqualTo(204));
            Assert.That(invalid, Is.EqualTo(400));
            Assert.That(error.GetProperty("status")[0].GetString(), Is.EqualTo("\"bogus\" is not a valid choice."));
        });
    }

    [Test]
    public async Task Merges_issues_into_the_biggest_one()
    {
        var small = await SendAsync(new { message = "small" });
        var big = await SendAsync(new { message = "big" });
        await SendAsync(new { message = "big" });

        var (status, body) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/?id={small.IssueId}&id={big.IssueId}", "{\"merge\":1}");
        var merged = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{big.IssueId}/");
        var again = await SendAsync(new { message = "small" });

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(body.GetProperty("merge").GetProperty("parent").GetString(), Is.EqualTo(big.IssueId));
            Assert.That(body.GetProperty("merge").GetProperty("children")[0].GetString(), Is.EqualTo(small.IssueId));
            Assert.That(merged.GetProperty("count").GetString(), Is.EqualTo("3"));
            Assert.That(again.IssueId, Is.EqualTo(big.IssueId));
            Assert.That((int)(await Http.GetAsync($"/api/0/organizations/{Org}/issues/{small.IssueId}/")).StatusCode, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Deletes_one_issue_with_202_and_many_with_204()
    {
        var a = await SendAsync(new { message = "A" });
        var b = await SendAsync(new { message = "B" });
        var c = await SendAsync(new { message = "C" });

        var (one, _) = await Http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/{Org}/issues/{a.IssueId}/");
        var (many, _) = await Http.SendJsonAsync(HttpMethod.Delete, $"/api/0/projects/{Org}/app/issues/?id={b.IssueId}&id={c.IssueId}");
        var left = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/?query=");
        var (gone, missing) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/issues/{a.IssueId}/");

        Assert.Multiple(() =>
        {
            Assert.That(one, Is.EqualTo(202));
            Assert.That(many, Is.EqualTo(204));
            Assert.That(left.GetArrayLength(), Is.Zero);
            Assert.That(gone, Is.EqualTo(404));
            Assert.That(missing.GetProperty("detail").GetString(), Is.EqualTo("The requested resource does not exist"));
        });
    }

    [Test]
    public async Task Resolves_short_ids_and_reads_an_issue_by_its_short_id()
    {
        var evt = await SendAsync(new { message = "short" });

        var lookup = await Http.GetJsonAsync($"/api/0/organizations/{Org}/shortids/APP-1/");
        var byShortId = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/APP-1/");
        var (unknown, _) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/shortids/APP-9/");

        Assert.Multiple(() =>
        {
            Assert.That(lookup.GetProperty("groupId").GetString(), Is.EqualTo(evt.IssueId));
            Assert.That(lookup.GetProperty("group").GetProperty("shortId").GetString(), Is.EqualTo("APP-1"));
            Assert.That(lookup.GetProperty("projectSlug").GetString(), Is.EqualTo("app"));
            Assert.That(byShortId.GetProperty("id").GetString(), Is.EqualTo(evt.IssueId));
            Assert.That(unknown, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Serves_tags_with_top_values_and_tag_values()
    {
        var evt = await SendAsync(new { message = "tagged", tags = new { pump = "north" }, environment = "prod" });
        await SendAsync(new { message = "tagged", tags = new { pump = "north" }, environment = "prod" });
        await SendAsync(new { message = "tagged", tags = new { pump = "south" }, environment = "staging" });

        var tags = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/tags/");
        var pump = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/tags/pump/");
        var values = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/tags/environment/values/");
        var detail = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/");

        Assert.Multiple(() =>
        {
            Assert.That(tags.EnumerateArray().Select(t => t.GetProperty("key").GetString()), Is.SupersetOf(new[] { "environment", "level", "pump" }));
            Assert.That(pump.GetProperty("totalValues").GetInt32(), Is.EqualTo(3));
            Assert.That(pump.GetProperty("uniqueValues").GetInt32(), Is.EqualTo(2));
            Assert.That(pump.GetProperty("topValues")[0].GetProperty("value").GetString(), Is.EqualTo("north"));
            Assert.That(pump.GetProperty("topValues")[0].GetProperty("count").GetInt32(), Is.EqualTo(2));
            Assert.That(values.EnumerateArray().Select(v => (v.GetProperty("value").GetString(), v.GetProperty("count").GetInt32())), Is.EqualTo(new[] { ("prod", 2), ("staging", 1) }));
            Assert.That(detail.GetProperty("tags").EnumerateArray().Any(t => t.GetProperty("key").GetString() == "pump"), Is.True);
        });
    }

    [Test]
    public async Task Keeps_notes_on_an_issue()
    {
        var evt = await SendAsync(new { message = "noted" });

        var (created, note) = await Http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/{Org}/issues/{evt.IssueId}/notes/", "{\"text\":\"looking into it\"}");
        var (invalid, _) = await Http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/{Org}/issues/{evt.IssueId}/notes/", "{}");
        var notes = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/notes/");
        var issue = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/");

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(201));
            Assert.That(note.GetProperty("type").GetString(), Is.EqualTo("note"));
            Assert.That(note.GetProperty("data").GetProperty("text").GetString(), Is.EqualTo("looking into it"));
            Assert.That(invalid, Is.EqualTo(400));
            Assert.That(notes.GetArrayLength(), Is.EqualTo(1));
            Assert.That(issue.GetProperty("numComments").GetInt32(), Is.EqualTo(1));
            Assert.That(issue.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Does.Contain("note"));
        });
    }

    [Test]
    public async Task Serves_an_issues_events_latest_oldest_and_by_id_with_entries()
    {
        var first = await SendAsync(new
        {
            exception = new { values = new[] { new { type = "Pumps.PumpException", value = "pressure", stacktrace = new { frames = new[] { new { module = "Pumps.Station", function = "Start", in_app = true, lineno = 42, filename = "Station.cs" } } } } } },
            breadcrumbs = new { values = new[] { new { message = "valve opened", category = "valve", timestamp = 1764573283.5 } } },
            request = new { url = "https://pumps.example/start", method = "POST", headers = new { Accept = "application/json" } },
        });
        var second = await SendAsync(new { exception = new { values = new[] { new { type = "Pumps.PumpException", value = "pressure", stacktrace = new { frames = new[] { new { module = "Pumps.Station", function = "Start", in_app = true } } } } } } });

        var latest = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{first.IssueId}/events/latest/");
        var oldest = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{first.IssueId}/events/oldest/");
        var byId = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{first.IssueId}/events/{first.EventId}/");
        var list = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{first.IssueId}/events/");
        var project = await Http.GetJsonAsync($"/api/0/projects/{Org}/app/events/{first.EventId}/");
        var lookup = await Http.GetJsonAsync($"/api/0/organizations/{Org}/eventids/{first.EventId}/");
        var entries = byId.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("type").GetString()!, e => e.GetProperty("data"));
        var frame = entries["exception"].GetProperty("values")[0].GetProperty("stacktrace").GetProperty("frames")[0];

        Assert.Multiple(() =>
        {
            Assert.That(latest.GetProperty("eventID").GetString(), Is.EqualTo(second.EventId));
            Assert.That(latest.GetProperty("previousEventID").GetString(), Is.EqualTo(first.EventId));
            Assert.That(oldest.GetProperty("eventID").GetString(), Is.EqualTo(first.EventId));
            Assert.That(oldest.GetProperty("nextEventID").GetString(), Is.EqualTo(second.EventId));
            Assert.That(list.EnumerateArray().Select(e => e.GetProperty("eventID").GetString()), Is.EqualTo(new[] { second.EventId, first.EventId }));
            Assert.That(list[0].GetProperty("event.type").GetString(), Is.EqualTo("error"));
            Assert.That(frame.GetProperty("function").GetString(), Is.EqualTo("Start"));
            Assert.That(frame.GetProperty("inApp").GetBoolean(), Is.True);
            Assert.That(frame.GetProperty("lineNo").GetInt32(), Is.EqualTo(42));
            Assert.That(entries["breadcrumbs"].GetProperty("values")[0].GetProperty("message").GetString(), Is.EqualTo("valve opened"));
            Assert.That(entries["request"].GetProperty("headers")[0][0].GetString(), Is.EqualTo("Accept"));
            Assert.That(byId.GetProperty("groupID").GetString(), Is.EqualTo(first.IssueId));
            Assert.That(byId.GetProperty("location").GetString(), Is.EqualTo("Station.cs:42"));
            Assert.That(project.GetProperty("eventID").GetString(), Is.EqualTo(first.EventId));
            Assert.That(lookup.GetProperty("groupId").GetString(), Is.EqualTo(first.IssueId));
        });
    }

    [Test]
    public async Task Issue_titles_and_culprits_follow_sentry()
    {
        var evt = await SendAsync(new { exception = new { values = new[] { new { type = "Pumps.PumpException", value = "pressure too high\nsecond line", stacktrace = new { frames = new[] { new { module = "Pumps.Station", function = "Start", in_app = true } } } } } } });

        var issue = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/");

        Assert.Multiple(() =>
        {
            Assert.That(issue.GetProperty("title").GetString(), Is.EqualTo("Pumps.PumpException: pressure too high"));
            Assert.That(issue.GetProperty("culprit").GetString(), Is.EqualTo("Pumps.Station in Start"));
            Assert.That(issue.GetProperty("type").GetString(), Is.EqualTo("error"));
            Assert.That(issue.GetProperty("metadata").GetProperty("type").GetString(), Is.EqualTo("Pumps.PumpException"));
            Assert.That(issue.GetProperty("metadata").GetProperty("function").GetString(), Is.EqualTo("Start"));
        });
    }

    [Test]
    public async Task Discarding_an_issue_hides_it_and_filters_its_future_events()
    {
        var evt = await SendAsync(new { message = "noise" });

        var (status, _) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/?id={evt.IssueId}", "{\"discard\":true}");
        using var again = await Http.PostEnvelopeAsync(Envelopes.Event(new { message = "noise" }));
        var issues = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/?query=");
        var stats = await Http.GetJsonAsync($"/api/0/organizations/{Org}/stats_v2/?groupBy=outcome&groupBy=reason&field=sum(quantity)&statsPeriod=1h&category=error");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(204));
            Assert.That((int)again.StatusCode, Is.EqualTo(200));
            Assert.That(issues.GetArrayLength(), Is.Zero);
            Assert.That(Sentry.Received.Events, Has.Count.EqualTo(1), "the second event was filtered");
            Assert.That(stats.GetProperty("groups").EnumerateArray().Any(g => g.GetProperty("by").GetProperty("reason").GetString() == "discarded_hash"), Is.True);
        });
    }
}
