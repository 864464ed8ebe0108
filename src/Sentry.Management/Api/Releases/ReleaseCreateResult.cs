namespace Sentry.Management;

/// <summary>The answer to creating a release.</summary>
/// <param name="Release">The release (the existing one when <paramref name="AlreadyExisted"/>).</param>
/// <param name="AlreadyExisted">Whether Sentry answered 208: a release with this version already existed in these projects.</param>
public sealed record ReleaseCreateResult(Release Release, bool AlreadyExisted);
