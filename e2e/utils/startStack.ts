import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer, type RunningServer } from '@sightline/collector';
import { serveExamples } from '@sightline/examples';

export const E2E_TOKEN = 'e2e-admin-token-0123456789abcdef';

export interface Stack {
  collector: RunningServer;
  collectorUrl: string;
  examplesUrl: string;
  /** GET a collector API path with the admin token; returns parsed JSON. */
  api<T = any>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * A real collector (temp SQLite file, ephemeral port) and the example sites on another
 * origin, as a customer would run them.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-e2e-'));
  const collector = await startServer(
    loadConfig({
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'sightline.db')}`,
      ADMIN_TOKEN: E2E_TOKEN,
      SITES: 'demo',
      LOG_LEVEL: 'warn',
      ...env,
    }),
  );
  const collectorUrl = collector.url;
  const examples = await serveExamples({ port: 0, collectorUrl, site: 'demo' });
  return {
    collector,
    collectorUrl,
    examplesUrl: examples.url,
    async api(path) {
      const res = await fetch(collectorUrl + path, { headers: { authorization: `Bearer ${E2E_TOKEN}` } });
      if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
      return res.json();
    },
    async close() {
      await examples.close();
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
