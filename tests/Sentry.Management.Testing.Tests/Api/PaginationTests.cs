using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Api;

public sealed class PaginationTests : LocalSentryFixture
{
    [Test]
    public async Task Lists_page_with_sentry_link_headers_and_cursors()
    {
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(new { message = $"issue {new string('i', i + 1)}" });
        }

        using var first = await Http.GetAsync($"/api/0/organizations/{Org}/issues/?limit=2");
        var firstLink = first.Headers.GetValues("Link").Single();
        using var last = await Http.GetAsync($"/api/0/organizations/{Org}/issues/?limit=2&cursor=0:4:0");
        var lastLink = last.Headers.GetValues("Link").Single();
        var lastPage = System.Text.Json.JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(firstLink, Does.Match($"^<{Sentry.Url}api/0/organizations/{Org}/issues/\\?limit=2&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", "
                + $"<{Sentry.Url}api/0/organizations/{Org}/issues/\\?limit=2&cursor=0:2:0>; rel=\"next\"; results=\"true\"; cursor=\"0:2:0\"$"));
            Assert.That(lastLink, Does.Contain("rel=\"previous\"; results=\"true\"; cursor=\"0:2:1\"").And.Contain("rel=\"next\"; results=\"false\""));
            Assert.That(lastPage.GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Our_client_walks_every_page()
    {
        for (var i = 0; i < 7; i++)
        {
            await SendAsync(new { message = $"paged {new string('p', i + 1)}" });
        }

        using var client = ManagementClients.For(Sentry);
        var ids = new List<string>();
        await foreach (var issue in client.Issues.List(options: new() { Limit = 3 }))
        {
            ids.Add(issue.Id!);
        }

        Assert.That(ids, Is.Unique.And.Count.EqualTo(7));
    }

    [Test]
    public async Task Rejects_a_malformed_cursor_and_a_page_size_over_100()
    {
        var (badCursor, body) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/issues/?cursor=abc");
        var (tooMany, _) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/issues/?limit=101");

        Assert.Multiple(() =>
        {
            Assert.That(badCursor, Is.EqualTo(400));
            Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Invalid cursor parameter."));
            Assert.That(tooMany, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Every_management_response_carries_the_rate_limit_headers()
    {
        Sentry.Faults.Management.Limit(concurrent: 7, perSecond: 50);

        using var response = await Http.GetAsync($"/api/0/organizations/{Org}/");
        string Header(string name) => response.Headers.GetValues(name).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Header("X-Sentry-Rate-Limit-Limit"), Is.EqualTo("50"));
            Assert.That(int.Parse(Header("X-Sentry-Rate-Limit-Remaining"), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0, 49));
            Assert.That(long.Parse(Header("X-Sentry-Rate-Limit-Reset"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 2));
            Assert.That(Header("X-Sentry-Rate-Limit-ConcurrentLimit"), Is.EqualTo("7"));
            Assert.That(Header("X-Sentry-Rate-Limit-ConcurrentRemaining"), Is.EqualTo("6"));
        });
    }

    [Test]
    public async Task Announces_generous_limits_when_none_is_set()
    {
        using var response = await Http.GetAsync($"/api/0/organizations/{Org}/");

        Assert.That(response.Headers.GetValues("X-Sentry-Rate-Limit-ConcurrentLimit").Single(), Is.EqualTo("100"));
        Assert.That(response.Headers.GetValues("X-Sentry-Rate-Limit-Limit").Single(), Is.EqualTo("1000"));
    }
}
