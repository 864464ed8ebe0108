using System.Runtime.CompilerServices;

namespace Sentry.Management.Http;

/// <summary>
/// Marks requests this library sends to Sentry itself (management calls, envelopes), so the outgoing-HTTP
/// capture integration never records, traces or propagates them, wherever it sits in a handler chain.
/// </summary>
internal static class UntracedRequest
{
    public static readonly HttpRequestOptionsKey<bool> Key = new("Sentry.Management.Untraced");

    // Refit stamps every request with the interface it came from; ours are management calls even when a
    // tracing handler runs before the pipeline's own handlers (for example from ConfigureHttpClientDefaults).
    private static readonly HttpRequestOptionsKey<Type> RefitInterface = new("Refit.InterfaceType");

    // Boxed once: setting a bool option would box it on every request.
    private static readonly object True = true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mark(HttpRequestMessage request)
    {
        if (!IsLibraryApiCall(request))
        {
            ((IDictionary<string, object?>)request.Options)[Key.Key] = True;
        }
    }

    public static bool IsMarked(HttpRequestMessage request) =>
        (request.Options.TryGetValue(Key, out var marked) && marked) || IsLibraryApiCall(request);

    /// <summary>Whether Refit built the request from one of this library's API interfaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsLibraryApiCall(HttpRequestMessage request) =>
        request.Options.TryGetValue(RefitInterface, out var api) && api.Assembly == typeof(UntracedRequest).Assembly;
}
