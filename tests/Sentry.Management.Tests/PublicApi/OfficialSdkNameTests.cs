namespace Sentry.Management.Tests.PublicApi;

/// <summary>
/// Apps run this library next to Sentry's own SDK, importing <c>Sentry</c> and <c>Sentry.Management</c> in the same
/// file: a public type named like one of the SDK's would make every use of that name ambiguous (CS0104).
/// </summary>
public sealed class OfficialSdkNameTests
{
    [Test]
    public void No_public_type_in_Sentry_Management_is_named_like_one_of_the_official_SDK()
    {
        var official = typeof(global::Sentry.SentrySdk).Assembly;
        // Every public namespace of the SDK (Sentry, Sentry.Extensibility, Sentry.Http, Sentry.Infrastructure,
        // Sentry.Protocol...): an app may import any of them, and only public types can clash.
        var theirs = official.GetExportedTypes()
            .Where(t => !t.IsNested && t.Namespace is { } ns && (ns == "Sentry" || ns.StartsWith("Sentry.", StringComparison.Ordinal)))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray(), StringComparer.Ordinal);
        Assert.That(theirs, Has.Count.GreaterThan(100), "the SDK's public types were not read");

        var clashes = typeof(SentryCaptureClient).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested && t.Namespace == "Sentry.Management" && theirs.ContainsKey(t.Name))
            .Select(t => $"{t.FullName} (Sentry {official.GetName().Version}: {string.Join(", ", theirs[t.Name])})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(clashes, Is.Empty, "public types named like the official SDK's:" + Environment.NewLine + string.Join(Environment.NewLine, clashes));
    }

    [Test]
    public void The_check_sees_a_clash_when_there_is_one()
    {
        // Guards the check itself: the names it compares are the ones the compiler would see.
        var names = typeof(global::Sentry.SentrySdk).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.That(names, Does.Contain("SentryEvent").And.Contain("SentryUser").And.Contain("SentryLevel").And.Contain("SentryTransaction").And.Contain("Breadcrumb"));
        Assert.That(typeof(SentryCaptureClient).Assembly.GetExportedTypes().Count(t => t.Namespace == "Sentry.Management"), Is.GreaterThan(10));
    }
}
