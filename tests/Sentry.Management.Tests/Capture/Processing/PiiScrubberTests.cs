using Sentry.Management.Capture.Processing;

namespace Sentry.Management.Tests.Capture.Processing;

public class PiiScrubberTests
{
    private readonly PiiScrubber _scrubber = new(new SentryCaptureOptions());

    [TestCase("card 4111111111111111 used", "card [Filtered] used")]
    [TestCase("card 5500-0000-0000-0004!", "card [Filtered]!")]
    [TestCase("id 1234567890123 is not a card", "id 1234567890123 is not a card")]
    [TestCase("short 4111 1111", "short 4111 1111")]
    public void Masks_only_numbers_that_pass_luhn(string text, string expected) =>
        Assert.That(_scrubber.ScrubText(text), Is.EqualTo(expected));

    [TestCase("X-Api-Key", true)]
    [TestCase("api_key", true)]
    [TestCase("RefreshToken", true)]
    [TestCase("Set-Cookie", true)]
    [TestCase("username", false)]
    public void Matches_secret_looking_keys(string key, bool sensitive) =>
        Assert.That(_scrubber.IsSensitiveKey(key), Is.EqualTo(sensitive));

    [Test]
    public void Can_be_switched_off()
    {
        var off = new PiiScrubber(new SentryCaptureOptions { ScrubPii = false });
        Assert.That(off.ScrubText("4111111111111111"), Is.EqualTo("4111111111111111"));
        Assert.That(off.IsSensitiveKey("password"), Is.False);
    }

    [Test]
    public void Matches_the_users_own_keys_in_any_case_and_ignores_repeats_and_empty_ones()
    {
        var options = new SentryCaptureOptions();
        options.ScrubKeys.Clear();
        options.ScrubKeys.Add("Tenant");
        options.ScrubKeys.Add("tenant");
        options.ScrubKeys.Add("");
        options.ScrubKeys.Add("Schlüssel");
        var scrubber = new PiiScrubber(options);
        Assert.Multiple(() =>
        {
            Assert.That(scrubber.IsSensitiveKey("billing.TENANT_id"), Is.True);
            Assert.That(scrubber.IsSensitiveKey("SCHLÜSSEL-2"), Is.True);
            Assert.That(scrubber.IsSensitiveKey("password"), Is.False, "the defaults were replaced");
            Assert.That(scrubber.IsSensitiveKey(""), Is.False);
        });
    }

    [Test]
    public void An_empty_key_list_matches_nothing()
    {
        var options = new SentryCaptureOptions();
        options.ScrubKeys.Clear();
        Assert.That(new PiiScrubber(options).IsSensitiveKey("password"), Is.False);
    }
}
