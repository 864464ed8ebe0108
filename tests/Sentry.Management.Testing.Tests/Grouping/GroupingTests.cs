using System.Security.Cryptography;
using System.Text;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Grouping;

public sealed class GroupingTests : LocalSentryFixture
{
    [Test]
    public async Task A_custom_fingerprint_groups_different_events_together()
    {
        var a = await SendAsync(new { message = "Pump 3 overheated", fingerprint = new[] { "pump-failure" } });
        var b = await SendAsync(new { message = "Valve stuck open", fingerprint = new[] { "pump-failure" } });
        var c = await SendAsync(new { message = "Valve stuck open" });

        Assert.Multiple(() =>
        {
            Assert.That(b.IssueId, Is.EqualTo(a.IssueId));
            Assert.That(c.IssueId, Is.Not.EqualTo(a.IssueId));
        });
    }

    [Test]
    public async Task Default_in_a_fingerprint_expands_to_the_default_grouping_values_in_place()
    {
        var frames = new[] { ("Pumps.Station", "Start", true) };
        var tenantA1 = await SendAsync(WithFingerprint(Exception("System.InvalidOperationException", "first", frames), "{{ default }}", "tenant-a"));
        var tenantA2 = await SendAsync(WithFingerprint(Exception("System.InvalidOperationException", "second", frames), "{{default}}", "tenant-a"));
        var tenantB = await SendAsync(WithFingerprint(Exception("System.InvalidOperationException", "third", frames), "{{ default }}", "tenant-b"));

        var hashes = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{tenantA1.IssueId}/hashes/");

        Assert.Multiple(() =>
        {
            Assert.That(tenantA2.IssueId, Is.EqualTo(tenantA1.IssueId));
            Assert.That(tenantB.IssueId, Is.Not.EqualTo(tenantA1.IssueId));
            // The default values (exception type, then each in-app frame's module and function) come first, in place.
            Assert.That(hashes[0].GetProperty("id").GetString(), Is.EqualTo(Md5("System.InvalidOperationException", "Pumps.Station", "Start", "tenant-a")));
        });
    }

    [Test]
    public async Task The_default_groups_by_exception_type_and_in_app_frames_not_by_message_or_system_frames()
    {
        var baseline = await SendAsync(Exception("Pumps.PumpException", "pressure 12 bar", ("System.Threading", "Run", false), ("Pumps.Station", "Start", true)));
        var otherMessageAndSystemFrames = await SendAsync(Exception("Pumps.PumpException", "pressure 99 bar, totally different", ("System.Net", "Send", false), ("Pumps.Station", "Start", true)));
        var otherInAppFrame = await SendAsync(Exception("Pumps.PumpException", "pressure 12 bar", ("Pumps.Station", "Stop", true)));
        var otherType = await SendAsync(Exception("Pumps.ValveException", "pressure 12 bar", ("Pumps.Station", "Start", true)));

        Assert.Multiple(() =>
        {
            Assert.That(otherMessageAndSystemFrames.IssueId, Is.EqualTo(baseline.IssueId));
            Assert.That(otherInAppFrame.IssueId, Is.Not.EqualTo(baseline.IssueId));
            Assert.That(otherType.IssueId, Is.Not.EqualTo(baseline.IssueId));
        });
    }

    [Test]
    public async Task A_chain_groups_by_every_exception_type()
    {
        var inner = new { type = "System.IO.IOException", value = "disk", stacktrace = new { frames = new[] { new { module = "Pumps.Log", function = "Write", in_app = true } } } };
        var outerA = new { type = "Pumps.SaveException", value = "save", stacktrace = new { frames = new[] { new { module = "Pumps.Store", function = "Save", in_app = true } } } };
        var outerB = new { type = "Pumps.LoadException", value = "save", stacktrace = new { frames = new[] { new { module = "Pumps.Store", function = "Save", in_app = true } } } };

        var a = await SendAsync(new { exception = new { values = new object[] { inner, outerA } } });
        var b = await SendAsync(new { exception = new { values = new object[] { inner, outerB } } });

        Assert.That(b.IssueId, Is.Not.EqualTo(a.IssueId));
    }

    [Test]
    public async Task Messages_group_with_numbers_ids_uuids_and_hex_parameterized()
    {
        var a = await SendAsync(new { message = "Order 17 for 1b4e28ba-2fa1-11d2-883f-0016d3cca427 failed at 0xdeadbeef from 10.0.0.1" });
        var b = await SendAsync(new { message = "Order 90210 for 6fa459ea-ee8a-3ca4-894e-db77e160355e failed at 0x1f from 192.168.1.20" });
        var c = await SendAsync(new { message = "Order 17 for 1b4e28ba-2fa1-11d2-883f-0016d3cca427 was refunded" });

        Assert.Multiple(() =>
        {
            Assert.That(b.IssueId, Is.EqualTo(a.IssueId));
            Assert.That(c.IssueId, Is.Not.EqualTo(a.IssueId));
        });
    }

    [TestCase("Order 17 failed", "Order <int> failed")]
    [TestCase("took 1.25 s", "took <float> s")]
    [TestCase("user bob@example.com at 2026-12-01T07:14:43Z", "user <email> at <date>")]
    [TestCase("id 1b4e28ba2fa111d2883f0016d3cca427", "id <uuid>")]
    [TestCase("commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", "commit <hex>")]
    [TestCase("GET https://example.com/pumps/3?x=1 failed", "GET <url> failed")]
    [TestCase("v2 is not v3", "v2 is not v3")]
    public void Parameterizes_the_variable_parts_of_messages(string message, string expected) =>
        Assert.That(MessageParameterizer.Parameterize(message), Is.EqualTo(expected));

    [Test]
    public async Task The_message_hash_is_the_md5_of_the_parameterized_message()
    {
        var evt = await SendAsync(new { message = "Order 17 failed" });

        var hashes = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{evt.IssueId}/hashes/");

        Assert.That(hashes[0].GetProperty("id").GetString(), Is.EqualTo(Md5("Order <int> failed")));
    }

    [Test]
    public async Task An_event_for_a_resolved_issue_reopens_it_as_a_regression()
    {
        var first = await SendAsync(new { message = "Valve stuck" });
        var (status, _) = await Http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/{Org}/issues/{first.IssueId}/", "{\"status\":\"resolved\"}");
        var resolved = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{first.IssueId}/");

        var again = await SendAsync(new { message = "Valve stuck" });
        var reopened = await Http.GetJsonAsync($"/api/0/organizations/{Org}/issues/{first.IssueId}/");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(resolved.GetProperty("status").GetString(), Is.EqualTo("resolved"));
            Assert.That(again.IssueId, Is.EqualTo(first.IssueId));
            Assert.That(reopened.GetProperty("status").GetString(), Is.EqualTo("unresolved"));
            Assert.That(reopened.GetProperty("substatus").GetString(), Is.EqualTo("regressed"));
            Assert.That(reopened.GetProperty("count").GetString(), Is.EqualTo("2"));
            Assert.That(reopened.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Does.Contain("set_regression"));
        });
    }

    [Test]
    public async Task Short_ids_count_up_per_project_in_sentry_base32()
    {
        var ids = new List<string?>();
        for (var i = 0; i < 33; i++)
        {
            ids.Add((await SendAsync(new { message = $"distinct message {new string('x', i + 1)}" })).IssueShortId);
        }

        Assert.That(new[] { ids[0], ids[8], ids[9], ids[31], ids[32] }, Is.EqualTo(new[] { "APP-1", "APP-9", "APP-A", "APP-10", "APP-11" }));
    }

    private static object WithFingerprint(object evt, params string[] fingerprint)
    {
        var exception = evt.GetType().GetProperty("exception")!.GetValue(evt);
        return new { exception, fingerprint };
    }

    // Sentry's grouping hashes are md5: this recomputes them to check, it protects nothing.
#pragma warning disable CA5351
    private static string Md5(params string[] values) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(values))));
#pragma warning restore CA5351
}
