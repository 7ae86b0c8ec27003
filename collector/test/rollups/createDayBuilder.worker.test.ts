/**
 * The rollup worker thread (the built collector: the tests run the sources, whose builder
 * stays on the main thread) builds a day exactly as the main thread does: same generation,
 * same chunks, read on its own connection to the database file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDayBuilder } from '../../src/rollups/createDayBuilder.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { openDayFactsReader } from '../../src/storage/sqlite/readDayFacts.js';
import type { Storage } from '../../src/storage/types.js';
import { createTempDir } from '../utils/createTempDir.js';
import { insertEvents } from '../utils/insertEvents.js';
import { rowsOf } from '../reports/utils/trafficArbitrary.js';

const DIST = new URL('../../dist/', import.meta.url);
const built = existsSync(new URL('rollups/rollupWorker.js', DIST));

// `pnpm test` builds first; a run without a build fails here rather than skipping.
it('runs on a built collector (`npx -y pnpm@10 build` first)', () => {
  expect(built, 'collector/dist/rollups/rollupWorker.js is missing').toBe(true);
});

describe('rollup worker thread', () => {
  let dir: { path: string; remove(): Promise<void> };
  let storage: Storage;
  let file: string;
  const now = Date.now();
  const day = new Date(now).toISOString().slice(0, 10);

  beforeAll(async () => {
    dir = await createTempDir();
    file = join(dir.path, 'worker.db');
    storage = await createSqliteStorage(file);
    await storage.migrate();
    const events = Array.from({ length: 300 }, (_, i) => ({
      type: i % 3 === 0 ? ('click' as const) : ('pageview' as const),
      day: 2,
      minute: 0,
      path: `/w/${i % 40}`,
      visitor: 'v1',
      value: i,
      flag: i % 2 === 0,
      name: 'LCP',
      index: i,
    }));
    const rows = rowsOf(
      { id: 'w', bot: false, user: 'ann', device: 'mobile', country: 'DE', referrerDomain: null, events },
      now,
    ).map((r) => ({ ...r, ts: now - 1000 + (r.ts % 1000), receivedAt: now }));
    await insertEvents(storage, rows);
  });
  afterAll(async () => {
    await storage.close();
    await dir.remove();
  });

  it('builds the day the main thread builds', async () => {
    const { createDayBuilder: createBuilt } = (await import(
      new URL('rollups/createDayBuilder.js', DIST).href
    )) as typeof import('../../src/rollups/createDayBuilder.js');
    const source = { module: new URL('storage/sqlite/readDayFacts.js', DIST).href, args: [file] };
    const threaded = createBuilt(() => Promise.reject(new Error('read on the main thread')), source);
    const reader = await openDayFactsReader(file);
    const local = createDayBuilder(reader.read, null);
    try {
      expect(threaded.threaded).toBe(true);
      const [off, on] = await Promise.all([threaded.build('demo', day), local.build('demo', day)]);
      expect(off.gen).not.toBeNull();
      expect(off).toEqual(on);
      expect(on.chunks.reduce((n, c) => n + c.rows, 0)).toBeGreaterThan(100);
    } finally {
      await threaded.close();
      await local.close();
      await reader.close();
    }
  });
});
