using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace Sentry.Management.Testing.Storage;

/// <summary>
/// Keeps the collections in a SQLite file so a dev server survives a restart: each collection is loaded into memory
/// when opened, and every change is written through (one row per entity, JSON).
/// </summary>
internal sealed class SqliteStore : ILocalStore
{
    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;

    public SqliteStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS entity (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, key));
            CREATE TABLE IF NOT EXISTS sequence (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL);
            """);
    }

    public IStoreCollection<T> Collection<T>(string kind, JsonTypeInfo<T> typeInfo, Func<T, string> key)
        where T : class
    {
        var collection = new SqliteCollection<T>(this, kind, typeInfo, key);
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT json FROM entity WHERE kind = $kind ORDER BY rowid";
            command.Parameters.AddWithValue("$kind", kind);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                collection.Load(JsonSerializer.Deserialize(reader.GetString(0), typeInfo)
                    ?? throw new InvalidDataException($"A stored {kind} is null."));
            }
        }

        return collection;
    }

    public long NextId(string sequence)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO sequence (name, value) VALUES ($name, 1)
                ON CONFLICT (name) DO UPDATE SET value = value + 1
                RETURNING value
                """;
            command.Parameters.AddWithValue("$name", sequence);
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }

    private void Write(string kind, string key, string? json)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            if (json is null)
            {
                command.CommandText = "DELETE FROM entity WHERE kind = $kind AND key = $key";
            }
            else
            {
                // Keeps the rowid (and so the insertion order) of an entity that is updated.
                command.CommandText = "INSERT INTO entity (kind, key, json) VALUES ($kind, $key, $json) ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json";
                command.Parameters.AddWithValue("$json", json);
            }

            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$key", key);
            command.ExecuteNonQuery();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class SqliteCollection<T>(SqliteStore store, string kind, JsonTypeInfo<T> typeInfo, Func<T, string> key)
        : MemoryCollection<T>(key)
        where T : class
    {
        public void Load(T item) => Put(item);

        public override void Upsert(T item)
        {
            // Written before it is visible in memory, so nothing a client saw is missing after a restart.
            store.Write(kind, KeyOf(item), JsonSerializer.Serialize(item, typeInfo));
            Put(item);
        }

        public override bool Remove(string key)
        {
            store.Write(kind, key, null);
            return base.Remove(key);
        }
    }
}
