namespace DocsSnippets;

internal static class Program
{
    // The snippets need Sentry; compiling them is the point (docs code that no longer builds fails the build).
    private static void Main() => Console.WriteLine("Docs snippets: compiled, not meant to run.");
}
