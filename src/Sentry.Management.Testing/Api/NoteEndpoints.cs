using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>Comments on an issue (Sentry calls them notes): list, add, change, delete.</summary>
internal static class NoteEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        foreach (var prefix in new[] { "/organizations/{org}/issues/{issue}", "/issues/{issue}" })
        {
            api.Get(prefix + "/notes/", ListAsync);
            api.Post(prefix + "/notes/", CreateAsync);
            api.Put(prefix + "/notes/{note}/", UpdateAsync);
            api.Delete(prefix + "/notes/{note}/", DeleteAsync);
            api.Get(prefix + "/comments/", ListAsync);
            api.Post(prefix + "/comments/", CreateAsync);
        }
    }

    private static Task ListAsync(ApiContext context)
    {
        var issue = IssueEndpoints.Find(context);
        var notes = context.Data.Notes.All().Where(n => n.IssueId == issue.Id).OrderByDescending(n => n.DateCreated).ToList();
        return context.PageAsync(notes, NoteJson.Write);
    }

    private static async Task CreateAsync(ApiContext context)
    {
        var issue = IssueEndpoints.Find(context);
        var text = Text(await context.BodyAsync().ConfigureAwait(false));
        StoredNote note;
        lock (context.Data.Gate)
        {
            note = new StoredNote { Id = context.Data.NextId("activity"), IssueId = issue.Id, Text = text, DateCreated = context.Now };
            context.Data.Notes.Upsert(note);
            issue.NumComments++;
            context.Data.Issues.Upsert(issue);
        }

        await context.OkAsync(NoteJson.Write(note), 201).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(ApiContext context)
    {
        var issue = IssueEndpoints.Find(context);
        var note = context.Data.Notes.Find(context.Route("note")) is { } found && found.IssueId == issue.Id ? found : throw ApiProblem.NotFound();
        note.Text = Text(await context.BodyAsync().ConfigureAwait(false));
        context.Data.Notes.Upsert(note);
        await context.OkAsync(NoteJson.Write(note)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext context)
    {
        var issue = IssueEndpoints.Find(context);
        lock (context.Data.Gate)
        {
            if (context.Data.Notes.Find(context.Route("note")) is not { } note || note.IssueId != issue.Id)
            {
                throw ApiProblem.NotFound();
            }

            context.Data.Notes.Remove(note.Id);
            issue.NumComments = Math.Max(0, issue.NumComments - 1);
            context.Data.Issues.Upsert(issue);
        }

        return context.NoContentAsync();
    }

    private static string Text(JsonObject body) =>
        body["text"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : throw ApiProblem.Invalid("text", "This field is required.");
}
