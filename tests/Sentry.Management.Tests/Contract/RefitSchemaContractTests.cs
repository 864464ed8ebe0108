namespace Sentry.Management.Tests.Contract;

/// <summary>
/// The static half of the contract: every Refit method of the library must be an operation of Sentry's published
/// OpenAPI description, sending only parameters that operation declares and every parameter it requires.
/// Interfaces are discovered by reflection, so areas added on other branches are checked without editing this file.
/// </summary>
[Category("ContractSchema")]
public class RefitSchemaContractTests
{
    /// <summary>
    /// Refit operations allowed to be absent from the schema, each with the reason. Keep this list short: every
    /// entry is a place where the schema cannot judge the client.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> NotInSchema = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /api/0/"] = "The API root (IIdentityApi): served by every Sentry to say who a token belongs to, but not part of the published schema.",
        ["GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/notes/"] = "An issue's notes (IIssuesApi.ListNotesAsync): Sentry's own UI and sentry-cli-era tooling use it (GroupNotesEndpoint), but the published schema leaves it out.",
        ["POST /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/notes/"] = "Adding a note (IIssuesApi.AddNoteAsync): same endpoint as listing notes, not in the published schema.",
    };

    private static IEnumerable<TestCaseData> Methods() =>
        RefitOperations.All.Select(o => new TestCaseData(o).SetArgDisplayNames($"{o.Name}: {o.Key}"));

    [Test]
    public void Discovers_the_library_refit_interfaces()
    {
        // Guards the reflection itself: if discovery silently found nothing, every other check would pass vacuously.
        var interfaces = RefitOperations.All.Select(o => o.Interface.Name).Distinct().ToList();
        Assert.That(interfaces, Is.SupersetOf(new[] { "IOrganizationsApi", "IProjectsApi", "ITeamsApi", "IProjectKeysApi", "IIdentityApi" }));
        Assert.That(RefitOperations.All.Select(o => o.Key), Is.Unique, "two Refit methods map to the same operation; one of them is redundant or wrong");
    }

    [TestCaseSource(nameof(Methods))]
    public void Refit_method_matches_the_schema(RefitOperation operation)
    {
        Assert.That(operation.UnboundPathParameters, Is.Empty, $"{operation.Name}: placeholders without a matching parameter (name or [AliasAs])");

        if (NotInSchema.ContainsKey(operation.Key))
        {
            Assert.That(OpenApiSchema.Operations.ContainsKey(operation.Key), Is.False, $"{operation.Key} is in the schema now: remove it from {nameof(NotInSchema)}");
            return;
        }

        if (!OpenApiSchema.Operations.TryGetValue(operation.Key, out var schema))
        {
            var samePath = OpenApiSchema.Operations.Values.Where(o => o.Path == operation.Path).Select(o => o.Method).ToList();
            Assert.Fail(samePath.Count > 0
                ? $"{operation.Name}: the schema has {operation.Path} only for {string.Join(", ", samePath)}, not {operation.Verb}."
                : $"{operation.Name}: {operation.Key} is not in Sentry's schema. Refit paths must equal the schema's templates exactly (same placeholder names, trailing slash).");
            return;
        }

        var problems = new List<string>();
        var schemaPath = schema.Parameters.Where(p => p.In == "path").Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in operation.PathParameters.Where(n => !schemaPath.Contains(n)))
        {
            problems.Add($"path parameter {{{name}}} is not declared by the schema");
        }

        var schemaQuery = schema.Parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var key in operation.QueryKeys.Where(k => !schemaQuery.ContainsKey(k.Name)))
        {
            problems.Add($"query key '{key.Name}' ({key.Source}) is not a parameter of this operation; the schema has: {string.Join(", ", schemaQuery.Keys.Order(StringComparer.Ordinal))}");
        }

        foreach (var required in schema.Parameters.Where(p => p.Required))
        {
            if (required.In == "path")
            {
                if (!operation.PathParameters.Contains(required.Name, StringComparer.Ordinal))
                {
                    problems.Add($"required path parameter {{{required.Name}}} is missing from the template");
                }
            }
            else if (required.In == "query")
            {
                var sent = operation.QueryKeys.Where(k => k.Name == required.Name).ToList();
                if (sent.Count == 0)
                {
                    problems.Add($"required query parameter '{required.Name}' is never sent");
                }
                else if (!sent.Any(k => k.AlwaysSent))
                {
                    problems.Add($"required query parameter '{required.Name}' ({sent[0].Source}) is nullable, so Refit may leave it out; make it non-nullable");
                }
            }
            else
            {
                problems.Add($"required {required.In} parameter '{required.Name}' is not checked by this test; extend it");
            }
        }

        if (operation.HasBody && schema.RequestBodySchema is null)
        {
            problems.Add("sends a JSON body, but the schema declares no application/json request body");
        }

        if (operation.BodyType is { } bodyType && schema.RequestBodySchema is { } bodySchema)
        {
            foreach (var name in RequestBodyNames.Undeclared(bodyType, bodySchema))
            {
                problems.Add($"body property '{name}' ({bodyType.Name}) is not declared by the schema's request body");
            }
        }

        if (!operation.HasBody && schema.RequestBodyRequired)
        {
            problems.Add("the schema requires a request body, but the method sends none");
        }

        Assert.That(problems, Is.Empty, $"{operation.Name} ({operation.Key}) disagrees with Sentry's schema:\n  " + string.Join("\n  ", problems));
    }

    [Test]
    public void Body_name_check_finds_properties_the_schema_does_not_declare()
    {
        // Proves the body check can fail: a schema missing browserSdkVersion and rateLimit.window.
        using var schema = System.Text.Json.JsonDocument.Parse("""
            {"type": "object", "properties": {"name": {"type": "string"}, "isActive": {"type": "boolean"},
             "rateLimit": {"type": "object", "properties": {"count": {"type": "integer"}}}}}
            """);

        var undeclared = RequestBodyNames.Undeclared(typeof(ProjectKeyUpdate), schema.RootElement);

        Assert.That(undeclared, Is.EquivalentTo(new[] { "browserSdkVersion", "rateLimit.window" }));
    }

    [Test]
    public void Not_in_schema_exceptions_name_existing_refit_methods()
    {
        var keys = RefitOperations.All.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        Assert.That(NotInSchema.Keys.Where(k => !keys.Contains(k)), Is.Empty, "exceptions for operations no Refit method sends any more: delete them");
        Assert.That(NotInSchema.Values, Has.All.Not.Empty, "every exception needs a reason");
    }
}
