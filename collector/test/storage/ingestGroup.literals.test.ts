/**
 * The ingest write carries its rows as SQL literals in one `exec`: text with quotes, a NUL,
 * SQL of its own or non-ASCII is stored as sent, and the same group's other statements
 * (the session, the COMMIT) still run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRequestFacts } from '../../src/scoring/index.js';
import { openDb, type Db } from '../../src/storage/sqlite/db.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { commitOnDb } from '../utils/commitOnDb.js';
import { makeEventRow } from '../utils/makeEventRow.js';

const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
});

const AWKWARD = [
  "it's",
  "'); DROP TABLE events; --",
  'before\u0000after',
  '\u0000',
  "a''b\u0000'\u0000",
  'naïve ☃ 𝄞',
  '',
];

describe('ingest write literals', () => {
  it.each(AWKWARD)('stores %j as sent, in one committed transaction', async (text) => {
    const db = await openDb(':memory:');
    dbs.push(db);
    for (const m of migrations) await db.exec(m.sql);
    const receivedAt = Date.now();
    const row = makeEventRow({
      session: `s-${text}`,
      title: text,
      path: `/${text}`,
      data: JSON.stringify({ text }),
      referrer: text || null,
      ts: receivedAt,
    });
    const facts = readRequestFacts({ headers: CHROME_HEADERS, secure: false, receivedAt });
    const [result] = await commitOnDb(db, [
      { rows: [row], dropped: { [text]: 1 }, request: { facts, network: null } },
    ]);
    expect(result).toEqual({ inserted: 1, duplicates: 0 });
    const stored = await db.get<{ title: string; path: string; data: string; referrer: string | null }>(
      'SELECT title, path, data, referrer FROM events WHERE event_id = ?',
      [row.eventId],
    );
    expect(stored).toEqual({
      title: text,
      path: `/${text}`,
      data: JSON.stringify({ text }),
      referrer: text || null,
    });
    const session = await db.get<{ n: number; referrer: string | null }>(
      'SELECT events AS n, referrer FROM sessions WHERE session_id = ?',
      [`s-${text}`],
    );
    expect(session).toEqual({ n: 1, referrer: text || null });
    const drops = await db.all<{ reason: string }>('SELECT reason FROM sdk_drops');
    expect(drops).toEqual([{ reason: text }]);
    // Nothing left open: a new transaction can start.
    await db.exec('BEGIN IMMEDIATE; ROLLBACK;');
  });
});
