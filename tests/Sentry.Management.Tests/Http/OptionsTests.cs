namespace Sentry.Management.Tests.Http;

public class OptionsTests
{
    private static SentryManagementOptions Valid() => new() { AuthToken = "sntrys_abc", Organization = "acme" };

    [Test]
    public void Valid_options_have_no_errors() => Assert.That(Valid().Validate(), Is.Empty);

    [Test]
    public void Missing_token_names_the_setting_and_the_variable()
    {
        var options = Valid();
        options.AuthToken = null;

        var ex = Assert.Throws<SentryOptionsException>(options.EnsureValid);

        Assert.That(ex!.Message, Does.Contain("AuthToken").And.Contain("SENTRY_AUTH_TOKEN"));
    }

    [Test]
    public void Http_base_url_needs_explicit_permission()
    {
        var options = Valid();
        options.BaseUrl = new Uri("http://sentry.internal:9000");

        Assert.That(options.Validate(), Has.One.Contains("AllowInsecureTransport"));
        options.AllowInsecureTransport = true;
        Assert.That(options.Validate(), Is.Empty);
    }

    [TestCase("http://user:s3cret-in-url@sentry.internal:9000")]
    [TestCase("https://user:s3cret-in-url@sentry.io")]
    public void A_base_urls_user_info_never_appears_in_the_errors(string url)
    {
        var options = Valid();
        options.BaseUrl = new Uri(url);

        var errors = options.Validate();
        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors, Has.None.Contains("s3cret-in-url"));
    }

    [TestCase("ftp://sentry.io")]
    [TestCase("https://user:pass@sentry.io")]
    [TestCase("https://sentry.io/?x=1")]
    public void Unusable_base_urls_are_rejected(string url)
    {
        var options = Valid();
        options.BaseUrl = new Uri(url);

        Assert.That(options.Validate(), Has.One.Contains("BaseUrl"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var options = new SentryManagementOptions { AuthToken = "has space", Organization = "Not A Slug!", MaxRetries = -1, MaxConcurrentRequests = 0, PageSize = 500, Timeout = TimeSpan.Zero };

        var errors = options.Validate();

        Assert.That(errors, Has.Count.EqualTo(6));
        Assert.That(string.Join(" ", errors), Does.Contain("AuthToken").And.Contain("Organization").And.Contain("MaxRetries")
            .And.Contain("MaxConcurrentRequests").And.Contain("PageSize").And.Contain("Timeout"));
    }

    [Test]
    public void ToString_redacts_the_token()
    {
        var options = Valid();
        options.AuthToken = "sntrys_secret_value_123";

        Assert.That(options.ToString(), Does.Not.Contain("secret_value").And.Contain("[redacted]"));
    }

    [Test]
    public void Environment_variables_are_read_like_sentry_cli()
    {
        var env = new Dictionary<string, string?> { ["SENTRY_AUTH_TOKEN"] = " sntrys_abc ", ["SENTRY_ORG"] = "acme", ["SENTRY_URL"] = "https://de.sentry.io" };

        var options = SentryManagementOptions.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.That(options.AuthToken, Is.EqualTo("sntrys_abc"));
        Assert.That(options.Organization, Is.EqualTo("acme"));
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("https://de.sentry.io")));
    }

    [Test]
    public void Invalid_SENTRY_URL_is_named()
    {
        var ex = Assert.Throws<SentryOptionsException>(() => SentryManagementOptions.FromEnvironment(name => name == "SENTRY_URL" ? "not a url" : null));

        Assert.That(ex!.Message, Does.Contain("SENTRY_URL"));
    }

    [TestCase("acme", true)]
    [TestCase("acme-corp_2", true)]
    [TestCase("123456", true)]
    [TestCase("a/b", false)]
    [TestCase("..", false)]
    [TestCase("acme?x", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void Slug_validation(string? slug, bool valid) => Assert.That(SentrySlug.IsValid(slug), Is.EqualTo(valid));

    [TestCase("http://127.0.0.1:9000")]
    [TestCase("http://localhost:9000")]
    [TestCase("http://[::1]:9000")]
    [TestCase("http://127.0.0.2")]
    public void Loopback_http_needs_no_permission(string url)
    {
        var options = Valid();
        options.BaseUrl = new Uri(url);

        Assert.That(options.Validate(), Is.Empty);
    }

    [TestCase("http://10.0.0.5:9000")]
    [TestCase("http://localhost.example.com")]
    [TestCase("http://sentry.internal")]
    public void Other_http_hosts_still_need_permission(string url)
    {
        var options = Valid();
        options.BaseUrl = new Uri(url);

        Assert.That(options.Validate(), Has.One.Contains("AllowInsecureTransport").And.Contains("SENTRY_ALLOW_INSECURE_HTTP"));
    }

    [Test]
    public void FromEnvironment_accepts_a_loopback_SENTRY_URL_without_a_switch()
    {
        var variables = new Dictionary<string, string> { ["SENTRY_URL"] = "http://127.0.0.1:9000", ["SENTRY_AUTH_TOKEN"] = "sntryu_abc" };

        var options = SentryManagementOptions.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.That(options.AllowInsecureTransport, Is.False);
        Assert.That(options.Validate(), Is.Empty);
    }

    [TestCase("1", true)]
    [TestCase("true", true)]
    [TestCase("YES", true)]
    [TestCase("on", true)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    [TestCase("off", false)]
    public void FromEnvironment_reads_SENTRY_ALLOW_INSECURE_HTTP(string value, bool allowed)
    {
        var variables = new Dictionary<string, string>
        {
            ["SENTRY_URL"] = "http://sentry.internal:9000",
            ["SENTRY_AUTH_TOKEN"] = "sntryu_abc",
            ["SENTRY_ALLOW_INSECURE_HTTP"] = value,
        };

        var options = SentryManagementOptions.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.That(options.AllowInsecureTransport, Is.EqualTo(allowed));
        Assert.That(options.Validate(), allowed ? Is.Empty : Has.One.Contains("AllowInsecureTransport"));
    }

    [Test]
    public void FromEnvironment_names_an_unreadable_SENTRY_ALLOW_INSECURE_HTTP()
    {
        var ex = Assert.Throws<SentryOptionsException>(() => SentryManagementOptions.FromEnvironment(name => name == "SENTRY_ALLOW_INSECURE_HTTP" ? "maybe" : null));

        Assert.That(ex!.Message, Does.Contain("SENTRY_ALLOW_INSECURE_HTTP").And.Contain("maybe"));
    }
}
