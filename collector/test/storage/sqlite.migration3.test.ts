/**
 * Migration 3 on a store written before bot scoring: everything counted so far is human, the
 * day helpers gain the visitor, pageviews and side of each session-day, and a later verdict
 * flip can move what was counted before.
 */
import { describe, expect, it } from 'vitest';
import { readRequestFacts } from '../../src/scoring/index.js';
import { commitOnDb } from '../utils/commitOnDb.js';
import { applyMigrations, dbBefore } from '../utils/migrationDb.js';
import { makeEventRow } from '../utils/makeEventRow.js';

const DAY = '2026-11-20';
const TS = Date.parse(`${DAY}T10:00:00Z`);

describe('SQLite migration 3', () => {
  it('keeps version 2 data as human and lets a later flip move it', async () => {
    const db = await dbBefore(3);
    // What version 2 ingest wrote for: s-1 (2 pageviews, visitor v-1), s-2 (1 pageview and a
    // custom event, v-1), and s-3 whose raw events retention already deleted (v-3).
    await db.exec(`
      INSERT INTO events (site, event_id, type, ts, received_at, session, visitor, url, path) VALUES
        ('demo', 'a', 'pageview', ${TS}, ${TS}, 's-1', 'v-1', 'https://e.x/', '/'),
        ('demo', 'b', 'pageview', ${TS + 1}, ${TS}, 's-1', 'v-1', 'https://e.x/', '/'),
        ('demo', 'c', 'pageview', ${TS + 2}, ${TS}, 's-2', 'v-1', 'https://e.x/', '/'),
        ('demo', 'd', 'custom', ${TS + 3}, ${TS}, 's-2', 'v-1', 'https://e.x/', '/');
      INSERT INTO sessions (site, session_id, visitor, first_ts, last_ts, pageviews, events) VALUES
        ('demo', 's-1', 'v-1', ${TS}, ${TS + 1}, 2, 2),
        ('demo', 's-2', 'v-1', ${TS + 2}, ${TS + 3}, 1, 2),
        ('demo', 's-3', 'v-3', ${TS}, ${TS}, 1, 1);
      INSERT INTO session_days VALUES ('demo', '${DAY}', 's-1'), ('demo', '${DAY}', 's-2'), ('demo', '${DAY}', 's-3');
      INSERT INTO visitor_days VALUES ('demo', '${DAY}', 'v-1'), ('demo', '${DAY}', 'v-3');
      INSERT INTO rollup_daily VALUES ('demo', '${DAY}', 4, 3, 2);
    `);
    await applyMigrations(db, 3);

    expect(await db.all('SELECT * FROM rollup_daily')).toEqual([
      { site: 'demo', day: DAY, is_bot: 0, pageviews: 4, sessions: 3, visitors: 2 },
    ]);
    expect(await db.all('SELECT * FROM session_days ORDER BY session_id')).toEqual([
      { site: 'demo', session_id: 's-1', day: DAY, visitor: 'v-1', pageviews: 2, is_bot: 0 },
      { site: 'demo', session_id: 's-2', day: DAY, visitor: 'v-1', pageviews: 1, is_bot: 0 },
      { site: 'demo', session_id: 's-3', day: DAY, visitor: 'v-3', pageviews: 0, is_bot: 0 },
    ]);
    expect(await db.all('SELECT * FROM visitor_days ORDER BY visitor')).toEqual([
      { site: 'demo', day: DAY, visitor: 'v-1', is_bot: 0, sessions: 2 },
      { site: 'demo', day: DAY, visitor: 'v-3', is_bot: 0, sessions: 1 },
    ]);

    // s-1 is now found to be a crawler.
    const facts = readRequestFacts({
      headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      secure: false,
      receivedAt: TS + 10,
    });
    // Later migrations go on top before today's ingest writes.
    await applyMigrations(db, 4, Infinity);
    await commitOnDb(db, [
      {
        rows: [makeEventRow({ session: 's-1', visitor: 'v-1', type: 'custom', ts: TS + 10 })],
        dropped: null,
        request: { facts, network: null },
      },
    ]);
    // (Migration 7 dropped the per-day totals; the report rollups are rebuilt instead.)
    expect(await db.all('SELECT session_id, is_bot FROM sessions ORDER BY session_id')).toEqual([
      { session_id: 's-1', is_bot: 1 },
      { session_id: 's-2', is_bot: 0 },
      { session_id: 's-3', is_bot: 0 },
    ]);
    expect(await db.all('SELECT site, day FROM rollup_dirty')).toEqual([{ site: 'demo', day: DAY }]);
  });
});
