namespace Sentry.Management.Tests.Contract.Live;

/// <summary>
/// Starts one Prism for every live contract test of this namespace and stops it afterwards, whatever happened.
/// A missing Node.js or Prism fails the tests with the reason (CI installs both); they are never skipped silently.
/// </summary>
[SetUpFixture]
public sealed class PrismSetUp
{
    private static PrismServer? _server;
    private static string? _startFailure;

    /// <summary>The running Prism; fails the calling test with the start-up error when there is none.</summary>
    internal static PrismServer Server =>
        _server ?? throw new InvalidOperationException(_startFailure ?? "Prism was not started: the test ran outside the Contract.Live namespace's set-up.");

    [OneTimeSetUp]
    public async Task StartPrism()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            _server = await PrismServer.StartAsync(ApiCoverageTests.RepositoryRoot(), OpenApiSchema.FilePath, timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            _startFailure = e.Message;
            throw;
        }

        TestContext.Progress.WriteLine($"Prism {_server.BaseUrl} serves {OpenApiSchema.RelativePath}");
    }

    [OneTimeTearDown]
    public void StopPrism()
    {
        var result = TestContext.CurrentContext.Result;
        _server?.Dispose();
        _server = null;
        TestContext.Progress.WriteLine(
            $"Live contract tests: {result.PassCount} passed against Prism" + (result.FailCount > 0 ? $", {result.FailCount} failed" : string.Empty));
    }
}
