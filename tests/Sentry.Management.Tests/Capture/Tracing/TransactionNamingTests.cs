namespace Sentry.Management.Tests.Capture.Tracing;

public class TransactionNamingTests
{
    [TestCase("/users/42", "/users/{id}")]
    [TestCase("/users/42/orders?page=2&token=x", "/users/{id}/orders")]
    [TestCase("https://shop.example.com:8443/api/v2/items/7#top", "/api/v2/items/{id}")]
    [TestCase("/files/3f2504e0-4f89-11d3-9a0c-0305e82c3301/download", "/files/{uuid}/download")]
    [TestCase("/files/3f2504e04f8911d39a0c0305e82c3301", "/files/{uuid}")]
    [TestCase("/commits/9fceb02d0ae598e95dc970b74767f19372d61af8", "/commits/{hash}")]
    [TestCase("/share/aZ8kQ2mX9pL4vB7nR3tY", "/share/{hash}")]
    [TestCase("/health-check", "/health-check")]
    [TestCase("/cafe/deadbeef", "/cafe/deadbeef")]
    [TestCase("", "/")]
    [TestCase("https://example.com", "/")]
    [TestCase("//double//slash/", "/double/slash")]
    public void Paths_lose_the_query_and_ids_collapse(string url, string expected) =>
        Assert.That(TransactionNaming.FromPath(url), Is.EqualTo(expected));

    [Test]
    public void Http_names_have_the_upper_case_method() =>
        Assert.That(TransactionNaming.FromHttp("get", "/orders/12?x=1"), Is.EqualTo("GET /orders/{id}"));
}
