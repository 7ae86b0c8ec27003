/**
 * Ingest writes a group in one call on the store when it knows the state the group folds
 * from (every session cached or new, every event new), and reads first when it does not: a
 * retry's stored event, a session stored before this process saw it (a restart), an erase.
 * Whichever way, the stored sessions are what the events sent make them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest } from '../../src/ingest/createIngest.js';
import type { IngestRequest } from '../../src/ingest/types.js';
import { readRequestFacts } from '../../src/scoring/index.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { SessionRow, Storage } from '../../src/storage/types.js';
import { join } from 'node:path';
import { openDb } from '../../src/storage/sqlite/db.js';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { createTempDir } from '../utils/createTempDir.js';
import { countStorageCalls } from '../utils/countStorageCalls.js';
import { createDeferred } from '../utils/createDeferred.js';
import { makeEventRow } from '../utils/makeEventRow.js';

let storage: Storage;
let dir: { path: string; remove(): Promise<void> };
beforeEach(async () => {
  dir = await createTempDir();
  storage = await createSqliteStorage(join(dir.path, 'ingest.db'));
  await storage.migrate();
});
afterEach(async () => {
  await storage.close();
  await dir.remove();
});

/** What the stored evidence of a session counts as its requests, and the stale days. */
async function readBack(session: string): Promise<{ requests: number | undefined; staleDays: number }> {
  const db = await openDb(join(dir.path, 'ingest.db'));
  try {
    const row = await db.get<{ requests: number }>(
      "SELECT evidence->>'$.requests.count' AS requests FROM sessions WHERE session_id = ?",
      [session],
    );
    const days = await db.all('SELECT day FROM rollup_dirty');
    return { requests: row?.requests, staleDays: days.length };
  } finally {
    await db.close();
  }
}

async function evidencePageviews(session: string): Promise<number | undefined> {
  const db = await openDb(join(dir.path, 'ingest.db'));
  try {
    const row = await db.get<{ n: number }>(
      "SELECT evidence->>'$.pageviews.count' AS n FROM sessions WHERE session_id = ?",
      [session],
    );
    return row?.n;
  } finally {
    await db.close();
  }
}

const request = (): IngestRequest => ({
  facts: readRequestFacts({ headers: CHROME_HEADERS, secure: true, receivedAt: Date.now() }),
  network: null,
});

const pageviews = (session: string, n: number, from = Date.now() - 60_000) =>
  Array.from({ length: n }, (_, i) => makeEventRow({ session, type: 'pageview', ts: from + i * 1000 }));

async function session(id: string): Promise<SessionRow> {
  const [row] = await storage.findSessions('demo', id);
  expect(row).toBeDefined();
  return row!;
}

describe('createIngest', () => {
  it('writes a group of new and cached sessions in one call, reading nothing', async () => {
    const counted = countStorageCalls(storage);
    const ingest = createIngest(counted.storage);
    await ingest.insertEvents(pageviews('a', 2), null, request());
    await ingest.insertEvents(pageviews('a', 3, Date.now()), null, request());
    expect(counted.calls).toEqual({ tryIngestWrite: 2 });
    expect(await session('a')).toMatchObject({ pageviews: 5, events: 5 });
  });

  it('reads first when a retry carries a stored event, and counts it once', async () => {
    const counted = countStorageCalls(storage);
    const ingest = createIngest(counted.storage);
    const first = pageviews('b', 2);
    await ingest.insertEvents(first, null, request());
    const again = [...first, ...pageviews('b', 1, Date.now())];
    expect(await ingest.insertEvents(again, null, request())).toEqual({ inserted: 1, duplicates: 2 });
    expect(counted.calls).toEqual({ tryIngestWrite: 2, ingestGroup: 1 });
    expect(await session('b')).toMatchObject({ pageviews: 3, events: 3 });
  });

  it('continues a session stored before it started (a restart) instead of starting it over', async () => {
    await createIngest(storage).insertEvents(pageviews('c', 2, Date.now() - 86_400_000), null, request());
    const restarted = createIngest(storage);
    expect(await restarted.insertEvents(pageviews('c', 1, Date.now()), null, request())).toEqual({
      inserted: 1,
      duplicates: 0,
    });
    expect(await session('c')).toMatchObject({ pageviews: 3, events: 3 });
    // The evidence goes on from the stored one (two requests), and both days are stale.
    expect(await readBack('c')).toEqual({ requests: 2, staleDays: 2 });
  });

  it('forgets what an erase removed: a session erased and seen again starts over', async () => {
    const ingest = createIngest(storage);
    await ingest.insertEvents(
      pageviews('d', 2).map((r) => ({ ...r, user: 'zed' })),
      null,
      request(),
    );
    await ingest.exclusive(() => storage.eraseUser('demo', 'zed'));
    expect(await storage.findSessions('demo', 'd')).toEqual([]);
    await ingest.insertEvents(pageviews('d', 1, Date.now()), null, request());
    expect(await session('d')).toMatchObject({ pageviews: 1, events: 1 });
    expect((await readBack('d')).requests).toBe(1);
  });

  it('folds the next group while one writes, and folds it again when that write was refused', async () => {
    // The first write is held until the second group is folded behind it.
    const hold = createDeferred();
    const started = createDeferred();
    let writes = 0;
    const held = new Proxy(storage, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as (...a: unknown[]) => Promise<unknown>;
        if (property !== 'tryIngestWrite') return value;
        return async (...args: unknown[]) => {
          writes += 1;
          if (writes === 2) {
            started.resolve();
            await hold.promise;
          }
          return value.apply(target, args);
        };
      },
    });
    const ingest = createIngest(held);
    const first = pageviews('e', 2);
    await ingest.insertEvents(first, null, request());
    // A retry (one stored event: its optimistic write is refused), then new events of the
    // same session folded from what the retry was expected to leave.
    const retry = ingest.insertEvents([...first, ...pageviews('e', 1, Date.now())], null, request());
    await started.promise;
    const next = ingest.insertEvents(pageviews('e', 2, Date.now() + 5000), null, request());
    await expect.poll(() => ingest.writing()).toBe(5);
    hold.resolve();
    expect(await retry).toEqual({ inserted: 1, duplicates: 2 });
    expect(await next).toEqual({ inserted: 2, duplicates: 0 });
    expect(await session('e')).toMatchObject({ pageviews: 5, events: 5 });
    // Three requests brought new events: each counted once in the evidence, and its
    // pageviews are the five stored (the refused fold had counted the retry's three).
    expect((await readBack('e')).requests).toBe(3);
    expect(await evidencePageviews('e')).toBe(5);
  });

  it('writes the next group right after the one before it, folded while it wrote', async () => {
    const hold = createDeferred();
    const started = createDeferred();
    const counted = countStorageCalls(storage);
    let writes = 0;
    const held = new Proxy(counted.storage, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as (...a: unknown[]) => Promise<unknown>;
        if (property !== 'tryIngestWrite') return value;
        return async (...args: unknown[]) => {
          writes += 1;
          if (writes === 1) {
            started.resolve();
            await hold.promise;
          }
          return value.apply(target, args);
        };
      },
    });
    const ingest = createIngest(held);
    const a = ingest.insertEvents(pageviews('f', 2), null, request());
    await started.promise;
    const b = ingest.insertEvents(pageviews('f', 3, Date.now()), null, request());
    await expect.poll(() => ingest.writing()).toBe(5);
    hold.resolve();
    expect(await Promise.all([a, b])).toEqual([
      { inserted: 2, duplicates: 0 },
      { inserted: 3, duplicates: 0 },
    ]);
    // The second group's fold from the first's state held: no read.
    expect(counted.calls).toEqual({ tryIngestWrite: 2 });
    expect(await session('f')).toMatchObject({ pageviews: 5, events: 5 });
    expect((await readBack('f')).requests).toBe(2);
  });
});
