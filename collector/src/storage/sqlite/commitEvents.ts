/**
 * One group-commit transaction: insert every request's events (duplicates ignored), then
 * fold the newly stored ones into sessions and the daily rollup — a fixed number of
 * set-based statements per group, whatever its size.
 */
import type { DropCounts, EventRow, InsertResult } from '../types.js';
import { utcDay } from '../../lib/time.js';
import type { Db } from './db.js';

const INSERT_EVENTS = `
  INSERT OR IGNORE INTO events
    (site, event_id, type, ts, received_at, session, visitor, user_id, url, path, title,
     referrer, name, data, pv)
  SELECT e.value->>'site', e.value->>'eventId', e.value->>'type', e.value->>'ts',
         e.value->>'receivedAt', e.value->>'session', e.value->>'visitor', e.value->>'user',
         e.value->>'url', e.value->>'path', e.value->>'title', e.value->>'referrer',
         e.value->>'name', e.value->>'data', e.value->>'pv'
  FROM json_each(?) AS e WHERE true
  RETURNING site, event_id`;

const UPSERT_SESSIONS = `
  INSERT INTO sessions
    (site, session_id, visitor, user_id, first_ts, last_ts, pageviews, events,
     entry_ts, entry_path, exit_ts, exit_path, referrer, user_agent,
     screen, viewport, language, timezone, device)
  SELECT s.value->>'site', s.value->>'session', s.value->>'visitor', s.value->>'user',
         s.value->>'firstTs', s.value->>'lastTs', s.value->>'pageviews', s.value->>'events',
         s.value->>'entryTs', s.value->>'entryPath', s.value->>'exitTs', s.value->>'exitPath',
         s.value->>'referrer', s.value->>'userAgent', s.value->>'screen', s.value->>'viewport',
         s.value->>'language', s.value->>'timezone', s.value->>'device'
  FROM json_each(?) AS s WHERE true
  ON CONFLICT (site, session_id) DO UPDATE SET
    user_id = coalesce(excluded.user_id, user_id),
    first_ts = min(first_ts, excluded.first_ts),
    last_ts = max(last_ts, excluded.last_ts),
    pageviews = pageviews + excluded.pageviews,
    events = events + excluded.events,
    entry_path = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                      THEN excluded.entry_path ELSE entry_path END,
    referrer = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                    THEN excluded.referrer ELSE referrer END,
    entry_ts = min(coalesce(entry_ts, excluded.entry_ts), coalesce(excluded.entry_ts, entry_ts)),
    exit_path = CASE WHEN excluded.exit_ts >= coalesce(exit_ts, excluded.exit_ts)
                     THEN excluded.exit_path ELSE exit_path END,
    exit_ts = max(coalesce(exit_ts, excluded.exit_ts), coalesce(excluded.exit_ts, exit_ts)),
    user_agent = coalesce(user_agent, excluded.user_agent),
    screen = coalesce(screen, excluded.screen),
    viewport = coalesce(viewport, excluded.viewport),
    language = coalesce(language, excluded.language),
    timezone = coalesce(timezone, excluded.timezone),
    device = coalesce(device, excluded.device)`;

const UPSERT_DROPS = `
  INSERT INTO sdk_drops (site, day, reason, count)
  SELECT d.value->>0, d.value->>1, d.value->>2, d.value->>3 FROM json_each(?) AS d WHERE true
  ON CONFLICT (site, day, reason) DO UPDATE SET count = count + excluded.count`;

export interface IngestItem {
  rows: EventRow[];
  dropped: DropCounts | null;
}

const INSERT_SESSION_DAYS = `
  INSERT OR IGNORE INTO session_days (site, day, session_id)
  SELECT d.value->>0, d.value->>1, d.value->>2 FROM json_each(?) AS d WHERE true
  RETURNING site, day`;

const INSERT_VISITOR_DAYS = `
  INSERT OR IGNORE INTO visitor_days (site, day, visitor)
  SELECT d.value->>0, d.value->>1, d.value->>2 FROM json_each(?) AS d WHERE true
  RETURNING site, day`;

const UPSERT_ROLLUP = `
  INSERT INTO rollup_daily (site, day, pageviews, sessions, visitors)
  SELECT r.value->>0, r.value->>1, r.value->>2, r.value->>3, r.value->>4
  FROM json_each(?) AS r WHERE true
  ON CONFLICT (site, day) DO UPDATE SET
    pageviews = pageviews + excluded.pageviews,
    sessions = sessions + excluded.sessions,
    visitors = visitors + excluded.visitors`;

interface SessionDelta {
  site: string;
  session: string;
  visitor: string;
  user: string | null;
  firstTs: number;
  lastTs: number;
  pageviews: number;
  events: number;
  entryTs: number | null;
  entryPath: string | null;
  exitTs: number | null;
  exitPath: string | null;
  referrer: string | null;
  userAgent: string | null;
  screen?: string;
  viewport?: string;
  language?: string;
  timezone?: string;
  device?: string;
}

const key = (...parts: string[]): string => parts.join('\u0000');

function foldSession(sessions: Map<string, SessionDelta>, row: EventRow): void {
  const k = key(row.site, row.session);
  let s = sessions.get(k);
  if (!s) {
    s = {
      site: row.site,
      session: row.session,
      visitor: row.visitor,
      user: null,
      firstTs: row.ts,
      lastTs: row.ts,
      pageviews: 0,
      events: 0,
      entryTs: null,
      entryPath: null,
      exitTs: null,
      exitPath: null,
      referrer: null,
      userAgent: row.userAgent,
    };
    sessions.set(k, s);
  }
  s.events += 1;
  s.firstTs = Math.min(s.firstTs, row.ts);
  s.lastTs = Math.max(s.lastTs, row.ts);
  if (row.user) s.user = row.user;
  if (row.type !== 'pageview') return;
  s.pageviews += 1;
  if (s.entryTs === null || row.ts < s.entryTs) {
    s.entryTs = row.ts;
    s.entryPath = row.path;
    s.referrer = row.referrer;
    if (row.context) Object.assign(s, row.context);
  }
  if (s.exitTs === null || row.ts >= s.exitTs) {
    s.exitTs = row.ts;
    s.exitPath = row.path;
  }
}

function countByDay(rows: { site: string; day: string }[], into: Map<string, number[]>, slot: number): void {
  for (const r of rows) {
    const k = key(r.site, r.day);
    const totals = into.get(k) ?? [0, 0, 0];
    totals[slot] = (totals[slot] ?? 0) + 1;
    into.set(k, totals);
  }
}

async function foldIntoAggregates(db: Db, stored: EventRow[]): Promise<void> {
  const sessions = new Map<string, SessionDelta>();
  const sessionDays = new Map<string, string[]>();
  const visitorDays = new Map<string, string[]>();
  const rollup = new Map<string, number[]>(); // site\0day → [pageviews, sessions, visitors]
  for (const row of stored) {
    foldSession(sessions, row);
    const day = utcDay(row.ts);
    sessionDays.set(key(row.site, day, row.session), [row.site, day, row.session]);
    visitorDays.set(key(row.site, day, row.visitor), [row.site, day, row.visitor]);
    if (row.type === 'pageview') countByDay([{ site: row.site, day }], rollup, 0);
  }
  await db.run(UPSERT_SESSIONS, [JSON.stringify([...sessions.values()])]);
  const newSessionDays = await db.all<{ site: string; day: string }>(INSERT_SESSION_DAYS, [
    JSON.stringify([...sessionDays.values()]),
  ]);
  countByDay(newSessionDays, rollup, 1);
  const newVisitorDays = await db.all<{ site: string; day: string }>(INSERT_VISITOR_DAYS, [
    JSON.stringify([...visitorDays.values()]),
  ]);
  countByDay(newVisitorDays, rollup, 2);
  const deltas = [...rollup].map(([k, totals]) => [...k.split('\u0000'), ...totals]);
  await db.run(UPSERT_ROLLUP, [JSON.stringify(deltas)]);
}

/**
 * All requests of the group go into one INSERT. An event id sent twice within the group
 * (a retry racing its original) is stored for the first request that carried it.
 */
export async function commitEvents(db: Db, items: IngestItem[]): Promise<InsertResult[]> {
  const groups = items.map((item) => item.rows);
  const owner = new Map<string, number>();
  const rows: EventRow[] = [];
  const drops: [string, string, string, number][] = [];
  groups.forEach((group, i) => {
    const dropped = items[i]?.dropped;
    if (dropped && group[0]) {
      const day = utcDay(group[0].receivedAt);
      for (const [reason, count] of Object.entries(dropped)) {
        if (count > 0) drops.push([group[0].site, day, reason, count]);
      }
    }
    for (const row of group) {
      const k = key(row.site, row.eventId);
      if (owner.has(k)) continue;
      owner.set(k, i);
      rows.push(row);
    }
  });
  await db.exec('BEGIN IMMEDIATE');
  try {
    const inserted = await db.all<{ site: string; event_id: string }>(INSERT_EVENTS, [JSON.stringify(rows)]);
    const counts = groups.map(() => 0);
    const stored: EventRow[] = [];
    const byKey = new Map(rows.map((r) => [key(r.site, r.eventId), r]));
    for (const r of inserted) {
      const k = key(r.site, r.event_id);
      const row = byKey.get(k);
      if (!row) continue;
      stored.push(row);
      const i = owner.get(k) as number;
      counts[i] = (counts[i] ?? 0) + 1;
    }
    if (stored.length > 0) await foldIntoAggregates(db, stored);
    if (drops.length > 0) await db.run(UPSERT_DROPS, [JSON.stringify(drops)]);
    await db.exec('COMMIT');
    return groups.map((group, i) => ({
      inserted: counts[i] ?? 0,
      duplicates: group.length - (counts[i] ?? 0),
    }));
  } catch (error) {
    try {
      await db.exec('ROLLBACK');
    } catch (rollbackError) {
      throw new AggregateError([error, rollbackError], 'insert failed and rollback failed');
    }
    throw error;
  }
}
