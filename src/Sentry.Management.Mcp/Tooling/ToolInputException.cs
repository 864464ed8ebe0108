namespace Sentry.Management.Mcp.Tooling;

/// <summary>An argument is missing, malformed or not allowed; the message says which and what to pass instead.</summary>
internal sealed class ToolInputException : Exception
{
    public ToolInputException(string message)
        : base(message)
    {
    }

    public ToolInputException()
    {
    }

    public ToolInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
