
namespace Sentry.Management.Tests.Capture;

public class SentryDsnTests
{
    [Test]
    public void Parses_a_saas_dsn_into_the_envelope_endpoint()
    {
        var dsn = SentryDsn.Parse("https://abc123@o447951.ingest.sentry.io/5428537");

        Assert.Multiple(() =>
        {
            Assert.That(dsn.PublicKey, Is.EqualTo("abc123"));
            Assert.That(dsn.Host, Is.EqualTo("o447951.ingest.sentry.io"));
            Assert.That(dsn.Port, Is.EqualTo(443));
            Assert.That(dsn.ProjectId, Is.EqualTo("5428537"));
            Assert.That(dsn.EnvelopeUri, Is.EqualTo(new Uri("https://o447951.ingest.sentry.io:443/api/5428537/envelope/")));
            Assert.That(dsn.HasSecretKey, Is.False);
        });
    }

    [Test]
    public void Keeps_port_and_path_prefix_and_hides_the_secret()
    {
        var dsn = SentryDsn.Parse("http://pub:s3cr3tvalue@localhost:9000/sentry/relay/7");

        Assert.Multiple(() =>
        {
            Assert.That(dsn.Port, Is.EqualTo(9000));
            Assert.That(dsn.Path, Is.EqualTo("/sentry/relay/"));
            Assert.That(dsn.EnvelopeUri.ToString(), Is.EqualTo("http://localhost:9000/sentry/relay/api/7/envelope/"));
            Assert.That(dsn.HasSecretKey, Is.True);
            Assert.That(dsn.ToString(), Does.Not.Contain("s3cr3tvalue"));
        });
    }

    [TestCase("", "empty")]
    [TestCase("   ", "empty")]
    [TestCase("abc@host/1", "no scheme")]
    [TestCase("ftp://abc@host/1", "scheme 'ftp'")]
    [TestCase("https://host/1", "no public key")]
    [TestCase("https://@host/1", "public key is empty")]
    [TestCase("https://ab-c@host/1", "public key contains")]
    [TestCase("https://abc:@host/1", "empty secret key")]
    [TestCase("https://abc@/1", "no host")]
    [TestCase("https://abc@ho st/1", "host")]
    [TestCase("https://abc@host", "no project id")]
    [TestCase("https://abc@host/", "no project id")]
    [TestCase("https://abc@host/path/", "no project id")]
    [TestCase("https://abc@host/proj", "project id 'proj' is not a number")]
    [TestCase("https://abc@host:99999/1", "port '99999'")]
    [TestCase("https://abc@host:http/1", "port 'http'")]
    [TestCase("https://abc@host/1?x=1", "query string")]
    [TestCase("https://abc@host//1", "empty segment")]
    public void Names_the_malformed_part(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SentryDsn.Parse(text))!;
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void Error_messages_never_contain_the_secret()
    {
        var error = Assert.Throws<ArgumentException>(() => SentryDsn.Parse("https://abc:topsecretkey@host/notanumber"))!;
        Assert.That(error.Message, Does.Not.Contain("topsecretkey"));
    }

    [Test]
    public void Options_validation_lists_every_problem()
    {
        var options = new SentryCaptureOptions { Dsn = "nope", SampleRate = 2, MaxConcurrentSends = 0 };
        options.FilterRules.Add(new SentryFilterRule { Pattern = "(", IsRegex = true });

        var error = Assert.Throws<ArgumentException>(options.Validate)!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("Dsn: The DSN has no scheme"));
            Assert.That(error.Message, Does.Contain("SampleRate must be between 0 and 1"));
            Assert.That(error.Message, Does.Contain("MaxConcurrentSends must be at least 1"));
            Assert.That(error.Message, Does.Contain("FilterRules[0].pattern is not a valid regular expression"));
        });
    }
}
