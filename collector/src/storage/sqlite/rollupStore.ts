/** SQLite side of the rollup refresh: read a day's facts, replace its rollup rows. */
import type { RollupStore } from '../../rollups/refreshRollups.js';
import { ROLLUP_COLUMNS, type EventFact, type RollupTable, type SessionFact } from '../../rollups/types.js';
import type { Lock } from '../createLock.js';
import { readTransaction, writeTransaction, type Db } from './db.js';
import { noteDay, refreshTrails } from './trails.js';

const DAY_MS = 86_400_000;

const DAY_EVENTS = `
  SELECT type, ts, session, visitor, path, name, data, pv, event_id AS id
  FROM events WHERE site = ? AND ts >= ? AND ts < ? ORDER BY ts, rid`;

const DAY_SESSIONS = `
  SELECT session_id AS session, is_bot AS isBot, user_id AS user, device, browser, os, country,
         referrer_domain AS referrerDomain, channel, utm_source AS utmSource,
         utm_medium AS utmMedium, utm_campaign AS utmCampaign, pageviews,
         first_ts AS firstTs, last_ts AS lastTs, bot_reasons AS botReasons, user_agent AS userAgent
  FROM sessions
  WHERE site = ? AND session_id IN (SELECT session FROM events WHERE site = ? AND ts >= ? AND ts < ?)`;

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];

function insertSql(table: RollupTable): string {
  const columns = ROLLUP_COLUMNS[table];
  const values = columns.map((_, i) => `r.value->>${i}`).join(', ');
  return `INSERT INTO ${table} (site, day, ${columns.join(', ')}) SELECT ?, ?, ${values} FROM json_each(?) AS r WHERE true`;
}

const INSERTS = Object.fromEntries(TABLES.map((t) => [t, insertSql(t)])) as Record<RollupTable, string>;

/**
 * `reader` reads in its own snapshot while the writer goes on; with an in-memory database
 * it is the writer itself, and reads take the write lock too.
 */
export function createSqliteRollupStore(writer: Db, reader: Db, withWriteLock: Lock): RollupStore {
  const readLock: Lock = reader === writer ? withWriteLock : (work) => work();
  // Day writes per site, for refreshTrails to tell whether one came in while it computed;
  // and in all, to skip it when no day was written since it last finished (the rollup job
  // calls it every pass, about every second).
  const writes = new Map<string, number>();
  let written = 0;
  let trailsAt: number | null = null;
  return {
    listDirtyDays: (limit) =>
      reader.all('SELECT site, day, gen FROM rollup_dirty ORDER BY day DESC, site LIMIT ?', [limit]),
    readDayFacts: (site, day) =>
      readLock(async () => {
        const start = Date.parse(`${day}T00:00:00Z`);
        const range = [site, start, start + DAY_MS];
        return readTransaction(reader, async () => {
          const mark = await reader.get<{ gen: number }>(
            'SELECT gen FROM rollup_dirty WHERE site = ? AND day = ?',
            [site, day],
          );
          const events = await reader.all<EventFact>(DAY_EVENTS, range);
          const raw = await reader.all<RawSession>(DAY_SESSIONS, [site, ...range]);
          const sessions: SessionFact[] = raw.map((s) => ({
            ...s,
            botReasons: JSON.parse(s.botReasons) as string[],
          }));
          return { facts: { site, day, sessions, events }, gen: mark?.gen ?? null };
        });
      }),
    writeDayRollups: (site, day, gen, rows) =>
      withWriteLock(() =>
        writeTransaction(writer, async () => {
          for (const table of TABLES) {
            await writer.run(`DELETE FROM ${table} WHERE site = ? AND day = ?`, [site, day]);
            if (rows[table].length > 0)
              await writer.run(INSERTS[table], [site, day, JSON.stringify(rows[table])]);
          }
          // The rows over trailing days that include this one are stale now.
          await noteDay(writer, site, day);
          writes.set(site, (writes.get(site) ?? 0) + 1);
          written += 1;
          await writer.run('DELETE FROM rollup_dirty WHERE site = ? AND day = ? AND gen = ?', [
            site,
            day,
            gen,
          ]);
        }),
      ),
    async refreshTrails() {
      // The first call after a start runs whatever: migrations leave days stale too.
      if (trailsAt === written) return 0;
      const at = written;
      const done = await refreshTrails({
        writer,
        reader,
        withWriteLock,
        readLock,
        writesOf: (site) => writes.get(site) ?? 0,
      });
      trailsAt = at;
      return done;
    },
    dropDirtyBefore: (day) =>
      withWriteLock(() => writer.run('DELETE FROM rollup_dirty WHERE day < ?', [day]).then(() => {})),
  };
}

type RawSession = Omit<SessionFact, 'botReasons'> & { botReasons: string };
