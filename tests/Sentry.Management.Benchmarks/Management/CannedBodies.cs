using System.Globalization;
using System.Text;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Sentry-shaped JSON for a project and for pages of issues: the fields Sentry's API returns and both the facade's
/// models and the handwritten DTOs map, so the comparison is of the pipeline, not of how many fields are read.
/// </summary>
internal static class CannedBodies
{
    public static readonly byte[] Project = Encoding.UTF8.GetBytes("""
        {"id":"4505281256090153","slug":"backend","name":"backend","platform":"csharp","dateCreated":"2024-03-11T09:21:07.118Z","isBookmarked":false,"isMember":true,"hasAccess":true,"status":"active","firstEvent":"2024-03-11T10:02:44.000Z","features":["alert-filters","minidump","servicehooks","similarity-indexing"],"environments":["production","staging"],"organization":{"id":"4505281256013824","slug":"acme","name":"Acme"}}
        """);

    /// <summary>One issue; ids count up from <paramref name="id"/>.</summary>
    public static string Issue(long id) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"id":"{{id}}","shortId":"BACKEND-{{id}}","title":"InvalidOperationException: Sequence contains no elements","culprit":"Acme.Orders.Checkout in Pay","permalink":"https://acme.sentry.io/issues/{{id}}/","logger":null,"level":"error","status":"unresolved","substatus":"ongoing","isPublic":false,"platform":"csharp","project":{"id":"4505281256090153","name":"backend","slug":"backend","platform":"csharp"},"type":"error","metadata":{"type":"InvalidOperationException","value":"Sequence contains no elements","filename":"Checkout.cs","function":"Pay"},"numComments":0,"isBookmarked":false,"isSubscribed":false,"hasSeen":true,"isUnhandled":false,"count":"{{id % 977 + 1}}","userCount":{{id % 31}},"firstSeen":"2026-11-30T08:12:44.512Z","lastSeen":"2026-12-01T07:41:02.108Z"}
        """);

    /// <summary>A page of <paramref name="count"/> issues as a JSON array.</summary>
    public static byte[] IssuePage(long firstId, int count)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Issue(firstId + i));
        }

        return Encoding.UTF8.GetBytes(builder.Append(']').ToString());
    }

    /// <summary>Sentry's <c>Link</c> header for a page at <paramref name="cursor"/> with a next page or not.</summary>
    public static string Link(Uri baseUrl, string path, string cursor, string? next) =>
        $"Link: <{baseUrl}{path}?cursor={cursor}>; rel=\"previous\"; results=\"false\"; cursor=\"{cursor}\", " +
        $"<{baseUrl}{path}?cursor={next ?? cursor}>; rel=\"next\"; results=\"{(next is null ? "false" : "true")}\"; cursor=\"{next ?? cursor}\"\r\n";
}
