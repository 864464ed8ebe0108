namespace Sentry.Management.Http;

/// <summary>
/// The origins the auth token may go to: the configured Sentry, and the regions of it a client was asked for
/// (<c>SentryManagementClient.ForRegion</c>). One per pipeline, shared by every <see cref="AuthHandler"/> it
/// builds; copy-on-write, so a request reads it without a lock. An origin is scheme, host and port.
/// </summary>
internal sealed class TokenOrigins
{
    private readonly Lock _gate = new();
    private Entry[] _entries;

    internal TokenOrigins(Uri baseUrl) => _entries = [new Entry(baseUrl)];

    /// <summary>Lets the token go to <paramref name="url"/>'s origin from now on (once; adding it again changes nothing).</summary>
    internal void Add(Uri url)
    {
        lock (_gate)
        {
            if (Allows(url))
            {
                return;
            }

            Volatile.Write(ref _entries, [.. _entries, new Entry(url)]);
        }
    }

    /// <summary>Whether <paramref name="uri"/> is absolute and on one of the origins.</summary>
    internal bool Allows(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        foreach (var entry in Volatile.Read(ref _entries))
        {
            if (entry.Matches(uri))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Entry(Uri url)
    {
        private readonly Uri _origin = new(url.GetLeftPart(UriPartial.Authority));
        private readonly string _prefix = url.GetLeftPart(UriPartial.Authority) + "/";

        // The prefix is only a shortcut (an explicit default port, say, does not match it): Uri decides the rest.
        internal bool Matches(Uri uri) =>
            uri.OriginalString.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase)
            || Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
