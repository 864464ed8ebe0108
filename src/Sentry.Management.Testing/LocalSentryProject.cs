namespace Sentry.Management.Testing;

/// <summary>The project a <see cref="LocalSentry"/> starts with.</summary>
/// <param name="Id">The numeric project id, as a string (the DSN's last path segment).</param>
/// <param name="Slug">The project slug.</param>
public sealed record LocalSentryProject(string Id, string Slug);
