/**
 * One (site, UTC day) of raw data as the rollups read it (`DaySnapshot`), every read in one
 * snapshot: the links that group its sessions, the facts of some sessions now or as they
 * were counted, the stored rows of some keys. Also opened on its own connection inside the
 * rollup worker (rollups/rollupWorker.ts), so that reading a big day never converts its
 * rows on the main thread. What to read is the rollups' choice (rollups/refreshDay.ts).
 */
import {
  ROLLUP_COLUMNS,
  ROLLUP_KEYS,
  type DayFacts,
  type DayLink,
  type DaySnapshot,
  type EventFact,
  type RollupRow,
  type RollupTable,
  type SessionFact,
} from '../../rollups/types.js';
import { openDb, readTransaction, type Db } from './db.js';

const DAY_MS = 86_400_000;

// Each session-day's visitors and its user: what links sessions into groups.
const DAY_LINKS = `
  WITH pairs AS (SELECT DISTINCT session, visitor FROM events WHERE site = ?1 AND ts >= ?2 AND ts < ?3)
  SELECT p.session, p.visitor, s.user_id AS user
  FROM pairs AS p LEFT JOIN sessions AS s ON s.site = ?1 AND s.session_id = p.session`;

// The listed sessions drive the lookups (CROSS JOIN): one seek each on (site, session, ts).
// ?5: the newest row id to read.
const GROUP_EVENTS = `
  SELECT e.type, e.ts, e.session, e.visitor, e.path, e.name, e.data, e.pv, e.event_id AS id
  FROM json_each(?4) AS k CROSS JOIN events AS e INDEXED BY events_site_session_ts
  WHERE e.site = ?1 AND e.session = k.value AND e.ts >= ?2 AND e.ts < ?3 AND e.rid <= ?5
  ORDER BY e.ts, e.rid`;

const GROUP_SESSIONS = `
  SELECT session_id AS session, is_bot AS isBot, user_id AS user, device, browser, os, country,
         referrer_domain AS referrerDomain, channel, utm_source AS utmSource,
         utm_medium AS utmMedium, utm_campaign AS utmCampaign, pageviews,
         first_ts AS firstTs, last_ts AS lastTs, bot_reasons AS botReasons, user_agent AS userAgent
  FROM json_each(?2) AS k CROSS JOIN sessions
  WHERE site = ?1 AND session_id = k.value`;

const COUNTED_SESSIONS = `
  SELECT c.fact FROM json_each(?3) AS k CROSS JOIN rollup_counted AS c
  WHERE c.site = ?1 AND c.day = ?2 AND c.session_id = k.value`;

// Sessions of the site with events after the watermark (row ids are the insert order; NOT
// INDEXED: a rowid range, not every event of the site on an index),
// kept when they were counted on the day or have events on it now.
const TOUCHED = `
  WITH t AS (SELECT DISTINCT session FROM events NOT INDEXED WHERE rid > ?4 AND site = ?1)
  SELECT session FROM t
  WHERE EXISTS (SELECT 1 FROM rollup_counted AS c WHERE c.site = ?1 AND c.day = ?5 AND c.session_id = t.session)
     OR EXISTS (SELECT 1 FROM events AS e INDEXED BY events_site_session_ts WHERE e.site = ?1 AND e.session = t.session AND e.ts >= ?2 AND e.ts < ?3)`;

// The links of the listed sessions, as counted and now; then every session counted with one.
const LINKED = `
  WITH k AS (SELECT value AS session FROM json_each(?5)),
  links AS (
    SELECT l.value AS link FROM k CROSS JOIN rollup_counted AS c, json_each(c.links) AS l
    WHERE c.site = ?1 AND c.day = ?4 AND c.session_id = k.session
    UNION SELECT 'v' || e.visitor FROM k CROSS JOIN events AS e INDEXED BY events_site_session_ts
    WHERE e.site = ?1 AND e.session = k.session AND e.ts >= ?2 AND e.ts < ?3
    UNION SELECT 'u' || s.user_id FROM k CROSS JOIN sessions AS s
    WHERE s.site = ?1 AND s.session_id = k.session AND s.user_id IS NOT NULL)
  SELECT DISTINCT r.session_id AS session FROM links CROSS JOIN rollup_links AS r
  WHERE r.site = ?1 AND r.day = ?4 AND r.link = links.link`;

type RawSession = Omit<SessionFact, 'botReasons'> & { botReasons: string };

export function sessionFact(s: RawSession): SessionFact {
  return { ...s, botReasons: JSON.parse(s.botReasons) as string[] };
}

function keyColumns(table: RollupTable): string[] {
  return ROLLUP_COLUMNS[table].slice(0, ROLLUP_KEYS[table]) as string[];
}

/** The stored rows of the keys in ?3 (a JSON list of keys), each with its add count last. */
export function rowsOfKeys(table: RollupTable): string {
  const match = keyColumns(table)
    .map((c, i) => `t.${c} = k.value->>${i}`)
    .join(' AND ');
  return `SELECT ${ROLLUP_COLUMNS[table].map((c) => `t.${c}`).join(', ')}, t.n
    FROM json_each(?3) AS k CROSS JOIN ${table} AS t
    WHERE t.site = ?1 AND t.day = ?2 AND ${match}`;
}

/** Runs `work` on a snapshot of the day (one read transaction). */
export function readDay<T>(
  reader: Db,
  site: string,
  day: string,
  work: (snap: DaySnapshot) => Promise<T>,
): Promise<T> {
  const start = Date.parse(`${day}T00:00:00Z`);
  const range = [site, start, start + DAY_MS];
  return readTransaction(reader, async () => {
    const mark = await reader.get<{ gen: number }>(
      'SELECT gen FROM rollup_dirty WHERE site = ? AND day = ?',
      [site, day],
    );
    const top = (await reader.get<{ top: number | null }>('SELECT max(rid) AS top FROM events'))?.top ?? 0;
    const state = await reader.get<{ rid: number }>(
      'SELECT rid FROM rollup_days WHERE site = ? AND day = ?',
      [site, day],
    );
    const counted = state?.rid ?? null;
    const snap: DaySnapshot = {
      gen: mark?.gen ?? null,
      top,
      counted,
      links: () => reader.all<DayLink>(DAY_LINKS, range),
      async touched(max) {
        if (counted === null || top - counted > max) return null;
        const rows = await reader.all<{ session: string }>(TOUCHED, [...range, counted, day]);
        return rows.map((r) => r.session);
      },
      async linked(sessions) {
        const rows = await reader.all<{ session: string }>(LINKED, [...range, day, JSON.stringify(sessions)]);
        return rows.map((r) => r.session);
      },
      async facts(sessions, asCounted) {
        const ids = JSON.stringify(sessions);
        const events = await reader.all<EventFact>(GROUP_EVENTS, [...range, ids, asCounted ? counted : top]);
        const facts = asCounted
          ? (await reader.all<{ fact: string }>(COUNTED_SESSIONS, [site, day, ids])).map(
              (r) => JSON.parse(r.fact) as SessionFact,
            )
          : (await reader.all<RawSession>(GROUP_SESSIONS, [site, ids])).map(sessionFact);
        return { site, day, sessions: facts, events } satisfies DayFacts;
      },
      async rows(table, keys) {
        const rows = await reader.all<Record<string, string | number | null>>(rowsOfKeys(table), [
          site,
          day,
          JSON.stringify(keys),
        ]);
        return rows.map((r) => [...ROLLUP_COLUMNS[table].map((c) => r[c]!), r.n!] as RollupRow);
      },
    };
    return work(snap);
  });
}

/** The worker's side: a connection of its own to the database file at `path`. */
export async function openDayFactsReader(path: string): Promise<{
  read<T>(site: string, day: string, work: (snap: DaySnapshot) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}> {
  const db = await openDb(path);
  return { read: (site, day, work) => readDay(db, site, day, work), close: () => db.close() };
}
