using System.Net;
using System.Security.Cryptography;
using Sentry.Management.Mcp.Server;

namespace Sentry.Management.Mcp.Tests.Server;

/// <summary>Flags at start: a misplaced token never reaches stderr (MCP clients log it), and an exposed HTTP endpoint is called out.</summary>
public class ServerSettingsTests
{
    /// <summary>Token-shaped, built at run time (no token literal in the source).</summary>
    private static readonly string Secret = "sntrys_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>A token that can sit in a URL's user info as it is (a user token: hex).</summary>
    private static readonly string UserToken = "sntryu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void An_unknown_option_with_a_value_is_named_without_the_value()
    {
        var errors = Errors("--token=" + Secret);

        Assert.That(errors, Has.Some.Contains("Unknown option '--token'"));
        Assert.That(errors, Has.None.Contains(Secret).And.None.Contains("sntrys_"));
    }

    [Test]
    public void A_misspelled_option_makes_the_token_a_stray_argument_that_is_named_by_position_only()
    {
        var errors = Errors("--read-only", "--access_token", Secret);

        Assert.That(errors, Has.Some.Contains("Unknown option '--access_token'"));
        Assert.That(errors, Has.Some.Contains("Unexpected argument at position 3").And.Some.Contains("--access-token="));
        Assert.That(errors, Has.None.Contains(Secret).And.None.Contains("sntrys_"));
    }

    [Test]
    public void A_bare_value_is_not_repeated()
    {
        var errors = Errors(Secret);

        Assert.That(errors, Has.Some.Contains("Unexpected argument at position 1"));
        Assert.That(errors, Has.None.Contains(Secret).And.None.Contains("sntrys_"));
    }

    [TestCase("--url", "https://user:{0}@sentry.example.com", "https://sentry.example.com")]
    [TestCase("--url", "http://user:{0}@sentry.example.com:8080/", "http://sentry.example.com:8080")]
    [TestCase("--host", "user:{0}@sentry.example.com", "https://sentry.example.com")]
    public void A_url_with_user_info_is_refused_and_shown_without_it(string option, string value, string shown)
    {
        var errors = Errors(option, string.Format(System.Globalization.CultureInfo.InvariantCulture, value, UserToken));

        Assert.That(errors, Has.Some.Contains("user info").And.Some.Contains(shown));
        Assert.That(errors, Has.None.Contains(UserToken).And.None.Contains("@sentry.example.com"));
    }

    [TestCase("--url")]
    [TestCase("--host")]
    [TestCase("--insecure-http", "--host")]
    [TestCase("--port")]
    [TestCase("--bind")]
    [TestCase("--budget")]
    [TestCase("--allow")]
    [TestCase("--organization")]
    [TestCase("--project")]
    public void A_token_taken_as_another_options_value_is_not_repeated(params string[] options)
    {
        foreach (var token in new[] { Secret, UserToken, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) })
        {
            var errors = Errors([.. options, token]);

            Assert.That(errors, Is.Not.Empty, token);
            Assert.That(errors, Has.None.Contains(token).And.None.Contains("sntry"), token);
        }
    }

    [Test]
    public void Plain_bad_values_are_still_named()
    {
        var errors = Errors("--port", "99999", "--bind", "localhost", "--deny", "drop_database", "--frobnicate=1");

        Assert.That(errors, Has.Some.Contains("--port '99999'").And.Some.Contains("--bind 'localhost'"));
        Assert.That(errors, Has.Some.Contains("'drop_database'").And.Some.Contains("Unknown option '--frobnicate'"));
    }

    [TestCase("0.0.0.0")]
    [TestCase("::")]
    [TestCase("192.168.1.20")]
    public void Http_on_an_address_other_than_loopback_warns_that_the_endpoint_has_no_authentication(string bind)
    {
        var (settings, errors) = ServerSettings.Read(["--access-token", Secret, "--port", "3001", "--bind", bind], _ => null);

        Assert.That(errors, Is.Empty);
        Assert.That(settings.ExposureWarning(), Does.Contain("no authentication").And.Contain(":3001").And.Contain(IPAddress.Parse(bind).ToString()));
        Assert.That(settings.ExposureWarning(), Does.Not.Contain(Secret));
    }

    [TestCase("--port", "3001")]
    [TestCase("--port", "3001", "--bind", "127.0.0.1")]
    [TestCase("--port", "3001", "--bind", "::1")]
    [TestCase]
    public void Loopback_and_stdio_do_not_warn(params string[] args)
    {
        var (settings, errors) = ServerSettings.Read([.. args, "--access-token", "sntrys_x"], _ => null);

        Assert.That(errors, Is.Empty);
        Assert.That(settings.ExposureWarning(), Is.Null);
    }

    /// <summary>The start-up errors, with a token in the environment so that only the flags under test complain.</summary>
    private static List<string> Errors(params string[] args) =>
        ServerSettings.Read(args, name => name == "SENTRY_AUTH_TOKEN" ? "sntrys_x" : null).Errors;
}
