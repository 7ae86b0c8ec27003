/**
 * N+1 guard for ingest: one group-commit transaction makes the same number of calls on the
 * SQLite writer whatever the number of sessions, requests and verdict flips in the group.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRequestFacts } from '../../src/scoring/index.js';
import type { IngestItem } from '../../src/ingest/types.js';
import { INGEST_STATEMENTS } from '../../src/storage/sqlite/ingestGroup.js';
import { openDb, type Db } from '../../src/storage/sqlite/db.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { commitOnDb } from '../utils/commitOnDb.js';
import { makeEventRow } from '../utils/makeEventRow.js';

const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
});

async function migratedDb(): Promise<Db> {
  const db = await openDb(':memory:');
  dbs.push(db);
  for (const m of migrations) await db.exec(m.sql);
  return db;
}

/** `db` with every statement counted. */
function counted(db: Db): { db: Db; statements: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        n += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: proxy, statements: () => n };
}

const CRAWLER = { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' };

/** One request per session, each with two pageviews (the second on the day before). */
function group(sessions: number, headers: Record<string, string>, tag: string): IngestItem[] {
  const receivedAt = Date.now();
  const facts = readRequestFacts({ headers, secure: false, receivedAt });
  return Array.from({ length: sessions }, (_, i) => ({
    rows: [
      makeEventRow({ session: `s-${i}`, visitor: `v-${i % 7}`, eventId: `${tag}-${i}-a`, ts: receivedAt }),
      makeEventRow({
        session: `s-${i}`,
        visitor: `v-${i % 7}`,
        eventId: `${tag}-${i}-b`,
        ts: receivedAt - 86_400_000,
      }),
    ],
    dropped: i === 0 ? { queue_full: 1 } : null,
    request: { facts, network: { datacenter: false } },
  }));
}

describe('ingestGroup', () => {
  it.each([1, 10, 250])(
    'runs a fixed number of statements for %i sessions: new, then flipped to bot',
    async (n) => {
      const db = await migratedDb();
      const first = counted(db);
      await commitOnDb(first.db, group(n, CHROME_HEADERS, 'human'));
      expect(first.statements()).toBe(INGEST_STATEMENTS);

      // Every session flips (a crawler's request); each was seen on two days.
      const second = counted(db);
      await commitOnDb(second.db, group(n, CRAWLER, 'crawler'));
      expect(second.statements()).toBe(INGEST_STATEMENTS);
      const bots = await db.get<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE is_bot = 1');
      expect(bots?.n).toBe(n);
      // Both days of every flipped session are marked for a rollup rebuild.
      const dirty = await db.all<{ day: string }>('SELECT day FROM rollup_dirty ORDER BY day');
      expect(dirty).toHaveLength(2);
    },
  );

  it('runs fewer when every event is a duplicate', async () => {
    const db = await migratedDb();
    const items = group(5, CHROME_HEADERS, 'dup');
    await commitOnDb(db, items);
    const again = counted(db);
    await commitOnDb(
      again.db,
      items.map((item) => ({ ...item, dropped: null })),
    );
    expect(again.statements()).toBe(1); // the read: nothing to write
  });
});
