/**
 * Erasing a user leaves every table as if the sessions that carried the id had never been
 * sent: for random traffic (bot sessions flipping on the way), the erased store equals a
 * second store fed the same batches without those sessions' events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRequestFacts } from '../../src/scoring/evidence/readRequestFacts.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { IngestRequest } from '../../src/ingest/types.js';
import type { EventRow } from '../../src/storage/types.js';
import { rowsOf, trafficArbitrary, type GenSession } from '../reports/utils/trafficArbitrary.js';
import { createTempDir } from '../utils/createTempDir.js';
import { dumpDatabase } from '../utils/dumpDatabase.js';
import { readTables } from '../utils/readTables.js';
import { insertEvents } from '../utils/insertEvents.js';

const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

type Batch = { rows: EventRow[]; request: IngestRequest | null; refreshAfter: boolean };

/** The batches seedTraffic sends: humans in two, bots first as humans, then a crawler request. */
function batchesOf(sessions: GenSession[], now: number): Batch[] {
  const humans = sessions.filter((s) => !s.bot).flatMap((s) => rowsOf(s, now));
  const bots = sessions.filter((s) => s.bot).flatMap((s) => rowsOf(s, now));
  const half = Math.floor(humans.length / 2);
  const facts = readRequestFacts({ headers: { 'user-agent': CRAWLER }, secure: false, receivedAt: now });
  return [
    { rows: humans.slice(0, half), request: null, refreshAfter: false },
    { rows: humans.slice(half), request: null, refreshAfter: false },
    { rows: bots.filter((_, i) => i % 2 === 0), request: null, refreshAfter: true },
    { rows: bots.filter((_, i) => i % 2 === 1), request: { facts, network: null }, refreshAfter: true },
  ];
}

async function feed(path: string, batches: Batch[], keep: (row: EventRow) => boolean) {
  const storage = await createSqliteStorage(path);
  await storage.migrate();
  for (const b of batches) {
    await insertEvents(storage, b.rows.filter(keep), null, b.request);
    if (b.refreshAfter) await storage.refreshRollups();
  }
  await storage.refreshRollups();
  return storage;
}

const usersTraffic = fc
  .tuple(
    trafficArbitrary,
    fc.array(fc.constantFrom(null, 'erin-x', 'ann', 'bob'), { minLength: 14, maxLength: 14 }),
  )
  .map(([sessions, users]) => sessions.map((s, i) => ({ ...s, user: users[i] ?? null })));

describe('eraseUser (property)', () => {
  it('equals never having stored the user', async () => {
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(usersTraffic, async (traffic) => {
        const dir = await createTempDir();
        try {
          const batches = batchesOf(traffic, now);
          const gone = new Set(traffic.filter((s) => s.user === 'erin-x').map((s) => s.id));
          const erased = await feed(`${dir.path}/erased.db`, batches, () => true);
          const deleted = await erased.eraseUser('demo', 'erin-x');
          await erased.refreshRollups();
          await erased.close();
          const reference = await feed(`${dir.path}/reference.db`, batches, (r) => !gone.has(r.session));
          await reference.close();

          const events = traffic.filter((s) => gone.has(s.id)).reduce((n, s) => n + s.events.length, 0);
          expect(deleted).toEqual({ events, sessions: gone.size });
          expect(await readTables(`${dir.path}/erased.db`)).toEqual(
            await readTables(`${dir.path}/reference.db`),
          );
          expect(await dumpDatabase(`${dir.path}/erased.db`)).not.toMatch(/erin-x/);
        } finally {
          await dir.remove();
        }
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
