namespace Sentry.Management.Testing.Storage;

/// <summary>One collection of entities, keyed by a string; safe to use from several threads.</summary>
internal interface IStoreCollection<T>
    where T : class
{
    /// <summary>How many entities the collection holds.</summary>
    int Count { get; }

    /// <summary>The entity with that key, or <see langword="null"/>.</summary>
    T? Find(string key);

    /// <summary>A snapshot of every entity, in insertion order.</summary>
    IReadOnlyList<T> All();

    /// <summary>Adds the entity, or replaces the one with the same key (and persists it).</summary>
    void Upsert(T item);

    /// <summary>Removes the entity with that key; <see langword="false"/> when there was none.</summary>
    bool Remove(string key);
}
