namespace Sentry.Management.Tests.Capture.Support;

/// <summary>Exceptions that were really thrown, so they carry a stack trace as in production.</summary>
internal static class Thrown
{
    public static Exception By(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The action did not throw.");
    }
}
