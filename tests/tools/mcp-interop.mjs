// Drives an MCP server over stdio with the TypeScript MCP SDK (a client this project did not write):
// tools/list, a read tool, a dry run and a confirmed write. Prints one JSON line with what it saw.
// usage: node mcp-interop.mjs <command> [args...]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [command, ...args] = process.argv.slice(2);
const transport = new StdioClientTransport({ command, args, stderr: 'inherit' });
const client = new Client({ name: 'interop-test', version: '1.0.0' });
await client.connect(transport);

const text = (result) => (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
const tools = await client.listTools();
const read = await client.callTool({ name: 'find_projects', arguments: {} });
const dryRun = await client.callTool({ name: 'bulk_update_issues', arguments: { query: 'is:unresolved', status: 'resolved' } });
const ids = dryRun.structuredContent?.issueIds ?? [];
const applied = await client.callTool({ name: 'bulk_update_issues', arguments: { query: 'is:unresolved', status: 'resolved', issueIds: ids, confirm: true } });
await client.close();

console.log(JSON.stringify({
  server: client.getServerVersion(),
  toolCount: tools.tools.length,
  hasOrganizationSlug: tools.tools.some((t) => 'organizationSlug' in (t.inputSchema.properties ?? {})),
  read: { isError: read.isError ?? false, text: text(read), items: read.structuredContent?.items?.length },
  dryRun: { isError: dryRun.isError ?? false, applied: dryRun.structuredContent?.applied, ids },
  applied: { isError: applied.isError ?? false, applied: applied.structuredContent?.applied, succeeded: applied.structuredContent?.succeededIds, text: text(applied) },
}));
