namespace Sentry.Management.Tests.Http;

public class SentryReleaseVersionTests
{
    [TestCase("1.0.0")]
    [TestCase("app@1.0.0+build.7")]
    [TestCase("feature/login")]
    [TestCase("my release 2")]
    [TestCase("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2")]
    [TestCase("...")]
    public void Accepts_versions_sentry_accepts(string version)
    {
        Assert.That(SentryReleaseVersion.IsValid(version), Is.True);
        Assert.That(SentryReleaseVersion.Validate(version), Is.SameAs(version));
    }

    [TestCase(null, "required")]
    [TestCase("", "required")]
    [TestCase(" ", "blank")]
    [TestCase("   ", "blank")]
    [TestCase(".", "'.'")]
    [TestCase("..", "'..'")]
    [TestCase(" .. ", "'..'")]
    [TestCase("1.0\n", "line break")]
    [TestCase("1.0\r2", "line break")]
    [TestCase("1.0\t2", "tab")]
    [TestCase("1.0\f2", "form feed")]
    public void Rejects_with_a_message_naming_the_problem(string? version, string messagePart)
    {
        var error = Assert.Throws<ArgumentException>(() => SentryReleaseVersion.Validate(version));

        Assert.That(error!.Message, Does.Contain(messagePart));
        Assert.That(error.ParamName, Is.EqualTo("version"));
        Assert.That(SentryReleaseVersion.IsValid(version), Is.False);
    }

    [Test]
    public void Accepts_200_characters_and_rejects_201()
    {
        Assert.That(SentryReleaseVersion.IsValid(new string('a', 200)), Is.True);

        var error = Assert.Throws<ArgumentException>(() => SentryReleaseVersion.Validate(new string('a', 201)));

        Assert.That(error!.Message, Does.Contain("201").And.Contain("at most 200"));
    }

    [Test]
    public void Control_characters_are_shown_escaped_in_the_message()
    {
        var error = Assert.Throws<ArgumentException>(() => SentryReleaseVersion.Validate("1.0\n"));

        Assert.That(error!.Message, Does.Contain("1.0\\n").And.Not.Contain("1.0\n"));
    }

    [TestCase("a/b")]
    [TestCase("a\\b")]
    [TestCase("latest")]
    [TestCase("LATEST")]
    public void ValidateNew_also_rejects_what_sentry_refuses_for_new_releases(string version)
    {
        Assert.That(SentryReleaseVersion.IsValid(version), Is.True);
        Assert.Throws<ArgumentException>(() => SentryReleaseVersion.ValidateNew(version));
    }

    [Test]
    public void ValidateNew_accepts_plus_and_at()
    {
        Assert.That(SentryReleaseVersion.ValidateNew("app@1.0.0+7"), Is.EqualTo("app@1.0.0+7"));
    }
}
