using System.Text.Json.Serialization.Metadata;

namespace Sentry.Management.Testing.Storage;

/// <summary>
/// Where the local Sentry keeps its state: named collections of entities plus id sequences.
/// The in-memory store is the default; the SQLite store writes the same collections through to a file.
/// </summary>
/// <remarks>
/// Collections hold live objects: after changing an entity, call <see cref="IStoreCollection{T}.Upsert"/> again so a
/// persistent store writes it. Compound read-modify-write steps take <see cref="LocalData.Gate"/>.
/// </remarks>
internal interface ILocalStore : IDisposable
{
    /// <summary>Opens (and, for a persistent store, loads) the collection of one kind of entity.</summary>
    /// <param name="kind">The collection's name, unique per entity type, such as <c>issue</c>.</param>
    /// <param name="typeInfo">Source-generated JSON metadata, so persistence needs no reflection.</param>
    /// <param name="key">The entity's unique key within the collection.</param>
    IStoreCollection<T> Collection<T>(string kind, JsonTypeInfo<T> typeInfo, Func<T, string> key)
        where T : class;

    /// <summary>The next value of a named sequence (1, 2, 3…), persisted with the store.</summary>
    long NextId(string sequence);
}
