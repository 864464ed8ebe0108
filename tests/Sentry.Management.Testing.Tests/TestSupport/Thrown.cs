namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>Exceptions with a real stack trace, as SDKs see them in apps.</summary>
internal static class Thrown
{
    public static Exception From(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
