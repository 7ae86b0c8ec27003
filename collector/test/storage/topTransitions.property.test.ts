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
import { topTrailTransitions } from '../../src/storage/sqlite/trails.js';
import type { BotFilter } from '../../src/storage/types.js';
import { withFileStore } from '../utils/fileStore.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { plainTopTransitions } from '../utils/plainTopTransitions.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

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
          // The period ends on a day with sessions (or the day after): a 30-day one is then
          // often covered by one trailing set.
          fc.nat(),
          fc.constantFrom(0, 0, 0, 0, 1),
          fc.constantFrom(30, 30, 30, 30, 30, 30, 29, 31, 7, 40),
          fc.constantFrom<BotFilter>('exclude', 'exclude', 'exclude', 'only', 'include'),
          fc.array(fc.nat(), { maxLength: 3 }),
          async (sessions, endPick, after, length, bots, picks) => {
            await withFileStore(dir, `t${(run += 1)}`, async (storage, db) => {
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
              await insertEvents(storage, rows(false));
              const bots_ = rows(true);
              if (bots_.length > 0) await insertEvents(storage, bots_, null, crawler);
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

              const to = utcDate(sessions[endPick % sessions.length]!.daysAgo - after);
              const days = eachDay(addDays(to, 1 - length), to);
              const got = await topTrailTransitions(db, { site: 'demo', days, bots, n: 3 });
              if (got === null) return;
              answered += 1;
              const expected = await plainTopTransitions(
                storage,
                { site: 'demo', days, filter: '', bots },
                3,
              );
              expect(got).toEqual(expected);
            });
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(answered).toBeGreaterThan(8);
  }, 180_000);
});
