/** The processes `pnpm bench:ingest` measures: the collector as shipped, and the bare route. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const BENCH_TOKEN = 'bench-admin-token-0123456789abcdef';

/** A collector on its own store under `dir/name`, quiet (request logs cost it time). */
export function collectorEnv(dir, name) {
  return {
    DATABASE_URL: `sqlite:${join(dir, name, 'sightline.db')}`,
    SITES: 'bench',
    RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'warn',
    ADMIN_TOKEN: BENCH_TOKEN,
  };
}

export function collectorDbPath(dir, name) {
  return join(dir, name, 'sightline.db');
}

/** `benchIngestBareRoute.mjs` in its own process; resolves once it listens. */
export async function spawnBareRoute() {
  const child = spawn(process.execPath, [new URL('./benchIngestBareRoute.mjs', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, url: String(line).replace('listening ', '') };
}
