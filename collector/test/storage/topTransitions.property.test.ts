/**
 * storage.topTransitions (one fresh 30-day trailing set) equals adding up the day rows of
 * the period, for random sessions over six weeks, random periods and bot sides, and random
 * days whose trailing rows are marked stale and made wrong (they must not be read); when
 * no single fresh set covers the period it declines (null).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachDay } from '../../src/lib/period.js';
import { addDays } from '../../src/lib/time.js';
import { readRequestFacts } from '../../src/scoring/evidence/readRequestFacts.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { openDb } from '../../src/storage/sqlite/db.js';
import { topTrailTransitions } from '../../src/storage/sqlite/trails.js';
import type { BotFilter } from '../../src/storage/types.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';

const DAYS = 42;
const session = fc.record({
  daysAgo: fc.integer({ min: 1, max: DAYS }),
  paths: fc.array(fc.constantFrom('/a', '/b', '/c', '/d'), { minLength: 2, maxLength: 4 }),
  bot: fc.boolean(),
});
const crawler = {
  facts: readRequestFacts({
    headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    secure: false,
    receivedAt: Date.now(),
  }),
  network: null,
};

describe('topTransitions (property)', () => {
  it('equals the day rows added up whenever it answers', async () => {
    let answered = 0;
    const dir = mkdtempSync(join(tmpdir(), 'sightline-transitions-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(session, { minLength: 1, maxLength: 40 }),
          fc.integer({ min: 0, max: 14 }),
          fc.constantFrom(7, 29, 30, 31, 40),
          fc.constantFrom<BotFilter>('exclude', 'only', 'include'),
          fc.array(fc.nat(), { maxLength: 3 }),
          async (sessions, toAgo, length, bots, picks) => {
            const file = join(dir, `t${(run += 1)}.db`);
            const storage = await createSqliteStorage(file);
            const db = await openDb(file);
            try {
              await storage.migrate();
              await storage.ensureSites(['demo']);
              const rows = (bot: boolean) =>
                sessions.flatMap((s, i) =>
                  s.bot === bot
                    ? s.paths.map((path, k) =>
                        makeEventRow({
                          ts: utcMidnight(s.daysAgo) + 3_600_000 + i * 60_000 + k * 1000,
                          session: `s${i}`,
                          visitor: `v${i}`,
                          path,
                        }),
                      )
                    : [],
                );
              await storage.insertEvents(rows(false));
              const bots_ = rows(true);
              if (bots_.length > 0) await storage.insertEvents(bots_, null, crawler);
              await storage.refreshRollups();
              const stale = JSON.stringify(picks.map((n) => utcDate(sessions[n % sessions.length]!.daysAgo)));
              await db.run(
                `UPDATE ru_transition_days SET fresh = 0 WHERE day IN (SELECT value FROM json_each(?))`,
                [stale],
              );
              await db.run(
                `UPDATE ru_transitions_trail SET count = count + 100 WHERE end_day IN (SELECT value FROM json_each(?))`,
                [stale],
              );

              const to = utcDate(toAgo);
              const days = eachDay(addDays(to, 1 - length), to);
              const got = await topTrailTransitions(db, { site: 'demo', days, bots, n: 3 });
              if (got === null) return;
              answered += 1;
              const expected = await storage.queryRollup({
                table: 'ru_transitions',
                site: 'demo',
                days,
                filter: '',
                bots,
                groupBy: ['from_path', 'to_path'],
                sum: ['count'],
                orderBy: [
                  { column: 'count', desc: true },
                  { column: 'from_path', desc: false },
                  { column: 'to_path', desc: false },
                ],
                limit: 3,
              });
              expect(got).toEqual(expected);
            } finally {
              await db.close();
              await storage.close();
              for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
            }
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(answered).toBeGreaterThan(5);
  }, 180_000);
});
