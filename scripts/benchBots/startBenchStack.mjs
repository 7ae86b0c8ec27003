/**
 * The collector as a user runs it (`node collector/dist/cli.js`, its own process, a temp
 * SQLite file) and the example sites, one origin per labelled set (`site` = the set's name),
 * so each set's sessions are listed apart and every browser session gets fresh storage.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serveExamples } from '@sightline/examples';

const CLI = fileURLToPath(new URL('../../collector/dist/cli.js', import.meta.url));
export const BENCH_TOKEN = 'bench-bots-admin-token-0123456789';

/**
 * @param {string[]} sites one per labelled set
 */
export async function startBenchStack(sites) {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-bots-'));
  const child = spawn(process.execPath, [CLI], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      ADMIN_TOKEN: BENCH_TOKEN,
      SITES: sites.join(','),
      // Every set comes from 127.0.0.1: the per-address ingest limit would throttle the bench.
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  const collectorUrl = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (process.env.BENCH_DEBUG) console.error('[collector]', line);
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(match[1]);
    });
    exited.then(([code, signal]) => reject(new Error(`collector exited with ${code ?? signal}`)));
  });
  if (process.env.BENCH_DEBUG) exited.then(([code, signal]) => console.error(`[bench] collector exited: ${code ?? signal}`));
  const servers = [];
  return {
    collectorUrl,
    /** A new origin serving the examples for `site` (fresh localStorage: a new SDK session). */
    async examples(site) {
      const server = await serveExamples({ port: 0, collectorUrl, site });
      servers.push(server);
      return server.url;
    },
    /** GET a collector API path with the admin token. */
    async api(path) {
      const res = await fetch(collectorUrl + path, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
      if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
      return res.json();
    },
    /** Every session of `site`, bots included. */
    async sessions(site) {
      const all = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await this.api(`/v1/sessions?site=${site}&bots=include&limit=1000&offset=${offset}`);
        all.push(...page.results);
        if (!page.next) return all;
      }
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      process.off('exit', stop);
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
