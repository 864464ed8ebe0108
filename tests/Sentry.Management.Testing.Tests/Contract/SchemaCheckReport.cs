namespace Sentry.Management.Testing.Tests;

/// <summary>
/// After the whole run, reports how many management responses Sentry's schema judged and fails the run if any broke
/// it, whichever test made the call.
/// </summary>
[SetUpFixture]
public sealed class SchemaCheckReport
{
    [OneTimeTearDown]
    public void Report()
    {
        var validated = Contract.SchemaCheckingHandler.RunValidated.ToList();
        var violations = Contract.SchemaCheckingHandler.RunViolations.Distinct().ToList();
        var deviations = Contract.SchemaCheckingHandler.RunDeviations.Distinct().ToList();
        TestContext.Progress.WriteLine(
            $"Schema check: {validated.Count} management responses validated against Sentry's OpenAPI schema " +
            $"({validated.Distinct().Count()} operation/status pairs), {violations.Count} distinct violations, " +
            $"{deviations.Count} known deviations where the local Sentry answers as Sentry does.");
        foreach (var deviation in deviations.Take(10))
        {
            TestContext.Progress.WriteLine("  deviation: " + deviation);
        }

        foreach (var violation in violations.Take(50))
        {
            TestContext.Progress.WriteLine("  " + violation);
        }

        Assert.That(violations, Is.Empty, "management responses that break Sentry's OpenAPI schema");
    }
}
