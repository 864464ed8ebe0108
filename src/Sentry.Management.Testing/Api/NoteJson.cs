using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>An issue comment as Sentry's activity shape (<c>type: note</c>, <c>data.text</c>), written by the local user.</summary>
internal static class NoteJson
{
    public static JsonObject Write(StoredNote note) => new()
    {
        ["id"] = note.Id,
        ["type"] = "note",
        ["dateCreated"] = ApiJson.Date(note.DateCreated),
        ["data"] = new JsonObject { ["text"] = note.Text },
        ["user"] = new JsonObject
        {
            ["id"] = Actors.UserId,
            ["name"] = Actors.UserName,
            ["username"] = Actors.Username,
            ["email"] = Actors.UserEmail,
        },
    };
}
