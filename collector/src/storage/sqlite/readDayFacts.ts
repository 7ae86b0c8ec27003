/**
 * One (site, day) of raw data as the rollups read it, in one snapshot; also opened on its
 * own connection inside the rollup worker (rollups/rollupWorker.ts), so that reading a big
 * day never converts its rows on the main thread.
 */
import type { DayFacts, EventFact, SessionFact } from '../../rollups/types.js';
import { openDb, readTransaction, type Db } from './db.js';

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

type RawSession = Omit<SessionFact, 'botReasons'> & { botReasons: string };

export interface DayRead {
  facts: DayFacts;
  /** The generation of the day's stale mark; null when it is not marked (nothing to do). */
  gen: number | null;
}

export function readDayFacts(reader: Db, site: string, day: string): Promise<DayRead> {
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
}

/** The worker's side: a connection of its own to the database file at `path`. */
export async function openDayFactsReader(
  path: string,
): Promise<{ read(site: string, day: string): Promise<DayRead>; close(): Promise<void> }> {
  const db = await openDb(path);
  return { read: (site, day) => readDayFacts(db, site, day), close: () => db.close() };
}
