using System.Text.Json.Nodes;

namespace Sentry.Management.Tests.Contract;

/// <summary>
/// Prism does not validate the bodies of the issue mutation endpoints (it fails to compile their schemas and skips
/// them silently), so these tests check bodies against the schema in process. The issues area lands on another
/// branch; these samples prove the validator, and the issues tests can call <see cref="RequestBodyValidator"/> with
/// the bodies the client really sends.
/// </summary>
[Category("ContractSchema")]
public class IssueRequestBodyTests
{
    internal const string BulkUpdate = "PUT /api/0/organizations/{organization_id_or_slug}/issues/";
    internal const string Update = "PUT /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/";

    [TestCase(BulkUpdate, """{"status": "resolved"}""")]
    [TestCase(BulkUpdate, """{"status": "ignored", "substatus": "archived_forever", "isPublic": false}""")]
    [TestCase(BulkUpdate, """{"status": "unresolved", "substatus": null, "merge": true}""")]
    [TestCase(Update, """{"status": "resolvedInNextRelease", "assignedTo": "user:1", "hasSeen": true}""")]
    [TestCase(Update, """{"isBookmarked": true, "isSubscribed": false, "inbox": true}""")]
    public void Valid_body_passes(string operation, string body) =>
        Assert.That(RequestBodyValidator.For(operation, partialUpdate: true).Validate(body), Is.Empty);

    [TestCase(BulkUpdate, """{"status": "bogus"}""", "status")]
    [TestCase(Update, """{"status": "bogus"}""", "status")]
    [TestCase(Update, """{"substatus": "sleeping"}""", "substatus")]
    [TestCase(Update, """{"isPublic": "yes"}""", "isPublic")]
    [TestCase(BulkUpdate, """{"statusDetails": {"ignoreWindow": 20000}}""", "statusDetails")]
    [TestCase(BulkUpdate, """{"priority": "urgent"}""", "priority")]
    public void Invalid_body_fails_naming_the_field(string operation, string body, string field)
    {
        var problems = RequestBodyValidator.For(operation, partialUpdate: true).Validate(body);

        Assert.That(problems, Is.Not.Empty);
        Assert.That(string.Join("\n", problems), Does.Contain(field));
    }

    [TestCase(BulkUpdate)]
    [TestCase(Update)]
    public void Schema_taken_literally_requires_every_field(string operation)
    {
        // Documents the schema quirk that partialUpdate works around (see RequestBodyValidator.For).
        var problems = RequestBodyValidator.For(operation).Validate("""{"status": "resolved"}""");

        Assert.That(string.Join("\n", problems), Does.Contain("required").And.Contain("discard"));
    }

    [TestCase(BulkUpdate)]
    [TestCase(Update)]
    public void Nullable_enums_list_null_twice_unless_deduplicated(string operation)
    {
        // Why Prism skips these bodies: substatus is `nullable: true` and its enum already contains null, so a
        // plain OpenAPI-to-JSON-Schema conversion lists null twice. The validator removes the duplicate.
        var raw = JsonNode.Parse(OpenApiSchema.Operations[operation].RequestBodySchema!.Value.GetRawText())!;
        var naive = RequestBodyValidator.ToJsonSchema(raw.DeepClone(), dedupeEnums: false);
        var fixedUp = RequestBodyValidator.ToJsonSchema(raw.DeepClone());

        Assert.That(Nulls(naive["properties"]!["substatus"]!["enum"]!.AsArray()), Is.EqualTo(2));
        Assert.That(Nulls(fixedUp["properties"]!["substatus"]!["enum"]!.AsArray()), Is.EqualTo(1));
    }

    private static int Nulls(JsonArray values) => values.Count(v => v is null);
}
