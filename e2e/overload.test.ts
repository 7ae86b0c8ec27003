/**
 * Overload: driven past its bound on pending writes, the collector answers 503 with
 * `Retry-After` instead of queueing without limit, its memory stays bounded, everything it
 * acknowledged is stored once, and it takes batches again when the load stops (no restart).
 * The 60-second run at twice the sustainable rate is in `pnpm bench:ingest`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkStored } from './utils/checkStored.mjs';
import { postProbe } from './utils/postProbe.mjs';
import { readProcessMemory } from './utils/readProcessMemory.mjs';
import { spawnCollector } from './utils/spawnCollector.mjs';
import { startLoad } from './utils/startLoad.mjs';

/** Events waiting for a commit past which ingest answers 503 (a small bound, so 64 clients pass it). */
const MAX_PENDING = '1000';
/** The bound on collector memory under overload. */
const MAX_RSS_MIB = 200;
/** How long the load may run before the 503s it should bring are given up on. */
const LOAD_LIMIT_MS = 15_000;

const dir = mkdtempSync(join(tmpdir(), 'sightline-overload-'));
const dbPath = join(dir, 'sightline.db');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(
  'past its pending bound ingest answers 503 + Retry-After, stays bounded, loses nothing',
  { timeout: 120_000 },
  async () => {
    const collector = await spawnCollector({
      DATABASE_URL: `sqlite:${dbPath}`,
      SITES: 'demo',
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'warn',
      INGEST_MAX_PENDING: MAX_PENDING,
    });
    const pid = collector.child.pid!;
    const load = startLoad(collector.url, { prefix: 'o-', clients: 64, batchSize: 100, site: 'demo' });
    let limit: NodeJS.Timeout | undefined;
    const pushedBack = await Promise.race([
      load.answered(503, 20).then(() => true),
      new Promise<boolean>((resolve) => (limit = setTimeout(resolve, LOAD_LIMIT_MS, false))),
    ]);
    clearTimeout(limit);
    await load.stop();
    const memory = readProcessMemory(pid);
    // Taking batches again once the load is gone, same process.
    await expect.poll(() => postProbe(collector.url, { site: 'demo', id: 'after-load' })).toBe(202);
    collector.child.kill('SIGTERM');
    expect(await collector.exited).toBe(0);

    const statuses = { ...load.statuses };
    expect
      .soft(pushedBack, `503s within ${LOAD_LIMIT_MS} ms of overload; answers: ${JSON.stringify(statuses)}`)
      .toBe(true);
    expect.soft(load.retryAfter, '503s with Retry-After').toBe(statuses[503] ?? 0);
    expect
      .soft(Object.keys(statuses).sort(), 'only 202 and 503 answers')
      .toEqual(Object.keys(statuses).filter((s) => s === '202' || s === '503'));
    expect.soft(memory.peakMiB, 'collector peak RSS (MiB)').toBeLessThanOrEqual(MAX_RSS_MIB);
    const stored = await checkStored(dbPath, 'demo', [...load.acknowledged, 'after-load']);
    expect(stored).toEqual({
      acknowledged: load.acknowledged.length + 1,
      lost: 0,
      doubled: 0,
      miscounted: [],
    });
  },
);
