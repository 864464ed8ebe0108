using RichardSzalay.MockHttp;
using Sentry.Management.Http;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Http.Pagination;

public class PaginationTests
{
    private const string Path = "/api/0/organizations/acme/projects/";

    private static void ThreePages(SentryTestHarness h, List<string?> cursorsSeen)
    {
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url(Path)).Respond(req =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(req.RequestUri!.Query);
            var cursor = query["cursor"];
            cursorsSeen.Add(cursor);
            return cursor switch
            {
                null => SentryTestHarness.Json("""[{"slug": "p1"}, {"slug": "p2"}]""", link: SentryTestHarness.Link(Path, "0:2:0", hasNext: true)),
                "0:2:0" => SentryTestHarness.Json("""[{"slug": "p3"}, {"slug": "p4"}]""", link: SentryTestHarness.Link(Path, "0:4:0", hasNext: true)),
                "0:4:0" => SentryTestHarness.Json("""[{"slug": "p5"}]""", link: SentryTestHarness.Link(Path, "0:6:0", hasNext: false)),
                _ => throw new AssertionException("unexpected cursor " + cursor),
            };
        });
    }

    [Test]
    public async Task Items_come_from_three_pages_and_stop_when_results_is_false()
    {
        using var h = new SentryTestHarness();
        var cursors = new List<string?>();
        ThreePages(h, cursors);

        var slugs = new List<string?>();
        await foreach (var project in h.Client.Organization("acme").Projects.List())
        {
            slugs.Add(project.Slug);
        }

        Assert.That(slugs, Is.EqualTo(new[] { "p1", "p2", "p3", "p4", "p5" }));
        Assert.That(cursors, Is.EqualTo(new[] { null, "0:2:0", "0:4:0" }));
    }

    [Test]
    public async Task Pages_expose_the_cursor_to_resume_from()
    {
        using var h = new SentryTestHarness();
        var cursors = new List<string?>();
        ThreePages(h, cursors);

        var first = new List<SentryPage<Project>>();
        await foreach (var page in h.Client.Organization("acme").Projects.List(pages: new SentryPageOptions { MaxPages = 1 }).AsPages())
        {
            first.Add(page);
        }

        Assert.That(first, Has.Count.EqualTo(1));
        Assert.That(first[0].NextCursor, Is.EqualTo("0:2:0"));
        Assert.That(first[0].HasMore, Is.True);

        var rest = await h.Client.Organization("acme").Projects.List(pages: new SentryPageOptions { StartCursor = first[0].NextCursor }).ToListAsync();
        Assert.That(rest.Select(p => p.Slug), Is.EqualTo(new[] { "p3", "p4", "p5" }));
    }

    [Test]
    public async Task Enumeration_is_lazy_and_MaxItems_cuts_the_listing()
    {
        using var h = new SentryTestHarness();
        var cursors = new List<string?>();
        ThreePages(h, cursors);

        var listing = h.Client.Organization("acme").Projects.List(pages: new SentryPageOptions { MaxItems = 3 });
        Assert.That(cursors, Is.Empty, "nothing is fetched before enumeration");

        var items = await listing.ToListAsync();

        Assert.That(items.Select(p => p.Slug), Is.EqualTo(new[] { "p1", "p2", "p3" }));
        Assert.That(cursors, Has.Count.EqualTo(2), "the third page is never requested");
    }

    [Test]
    public async Task Page_size_is_requested_with_per_page()
    {
        using var h = new SentryTestHarness(o => o.PageSize = 25);
        string? query = null;
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url(Path)).Respond(req => { query = req.RequestUri!.Query; return SentryTestHarness.Json("[]"); });

        await h.Client.Organization("acme").Projects.List(query: "name:api").ToListAsync();

        Assert.That(query, Does.Contain("per_page=25").And.Contain("query=name%3Aapi"));
    }

    [Test]
    public async Task An_error_on_a_later_page_surfaces_as_the_typed_exception_after_the_earlier_items()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url(Path)).Respond(req => req.RequestUri!.Query.Contains("cursor=", StringComparison.Ordinal)
            ? new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { Content = new StringContent("""{"detail": "gone"}""") }
            : SentryTestHarness.Json("""[{"slug": "p1"}]""", link: SentryTestHarness.Link(Path, "0:1:0", hasNext: true)));

        var seen = new List<string?>();
        var ex = Assert.ThrowsAsync<SentryNotFoundException>(async () =>
        {
            await foreach (var project in h.Client.Organization("acme").Projects.List())
            {
                seen.Add(project.Slug);
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { "p1" }));
        Assert.That(ex!.Detail, Is.EqualTo("gone"));
    }

    [TestCase("<https://sentry.io/api/0/x/?&cursor=100:-1:1>; rel=\"previous\"; results=\"false\"; cursor=\"100:-1:1\", <https://sentry.io/api/0/x/?&cursor=100:1:0>; rel=\"next\"; results=\"true\"; cursor=\"100:1:0\"", "100:1:0", null)]
    [TestCase("<https://sentry.io/api/0/x/?&cursor=1,2:0:1>; rel=\"previous\"; results=\"true\"; cursor=\"1,2:0:1\", <https://sentry.io/api/0/x/?&cursor=3:1:0>; rel=\"next\"; results=\"false\"; cursor=\"3:1:0\"", null, "1,2:0:1")]
    [TestCase("garbage", null, null)]
    public void Link_header_parsing(string header, string? next, string? previous)
    {
        var cursors = LinkHeader.Parse([header]);

        Assert.That(cursors.Next, Is.EqualTo(next));
        Assert.That(cursors.Previous, Is.EqualTo(previous));
    }
}
