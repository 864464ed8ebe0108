using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocsSnippets;

internal static class Mcp
{
    internal static void HostYourOwn(WebApplicationBuilder builder, string token)
    {
        #region mcp-host
        builder.Services.AddSentryManagement(o => o.AuthToken = token);         // the facade
        builder.Services.AddMcpServer()
            .WithHttpTransport(o => o.Stateless = true)
            .AddSentryManagementTools(o =>
            {
                o.ReadOnly = true;
                o.Organization = "acme";          // pinned: organizationSlug leaves the schemas
                o.DeniedTools.Add("search_events");
            });
        #endregion
    }
}
