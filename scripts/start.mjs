#!/usr/bin/env node
/**
 * `pnpm start`: the collector on SQLite with a `demo` site, and the example site beside it
 * on its own origin, then the URLs and the admin token. Configure the collector with the
 * variables of the README (PORT, DATABASE_URL, ADMIN_TOKEN …); EXAMPLES_PORT moves the
 * example site. Ctrl-C stops both, after pending writes are committed.
 */
import { loadConfig, startServer } from '@sightline/collector';
import { serveExamples } from '@sightline/examples';

const env = {
  ...process.env,
  SITES: process.env.SITES || 'demo',
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
};
const server = await startServer(loadConfig(env));
const collectorUrl = server.url.replace('://[::1]', '://localhost');
const site = loadConfig(env).sites[0] ?? 'demo';
const examples = await serveExamples({
  port: Number(process.env.EXAMPLES_PORT || 8080),
  collectorUrl,
  site,
});

const token = server.adminToken;
process.stdout.write(`
Sightline is running.

  Example site   ${examples.url}blog/
  Dashboard      ${collectorUrl}/dashboard?site=${site}   (sign in with the admin token below)
  Collector      ${collectorUrl}   (script: ${collectorUrl}/s.js, health: ${collectorUrl}/healthz)
  Overview API   curl -H 'Authorization: Bearer ${token}' '${collectorUrl}/v1/reports/overview?site=${site}'
  Sessions API   curl -H 'Authorization: Bearer ${token}' '${collectorUrl}/v1/sessions?site=${site}'
  Admin token    ${token}${server.tokenGenerated ? '   (generated now and kept in the store)' : ''}

Browse the example site, then open the dashboard or ask the API. Sessions judged to be
bots (a headless browser, a script) are left out by default: choose "All" traffic in the
dashboard, or add &bots=include to an API call. Reports follow within a second or two.
Ctrl-C stops.
`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await examples.close();
    await server.close();
    process.exit(0);
  });
}
