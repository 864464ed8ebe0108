using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Api.Alerts;

/// <summary>The <c>createdBy</c> of the legacy alert rules: the token's user.</summary>
internal static class RuleOwner
{
    public static JsonObject CreatedBy() => new()
    {
        ["id"] = int.Parse(ManagementSeed.OwnerUserId, System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = ManagementSeed.OwnerName,
        ["email"] = ManagementSeed.OwnerEmail,
    };
}
