/**
 * One group-commit transaction: insert every request's events (duplicates ignored), then
 * fold the newly stored ones into sessions (evidence and bot verdict included) and their
 * days, and mark those days' report rollups stale — a fixed number of set-based statements
 * per group, whatever its size (see `COMMIT_STATEMENTS`).
 */
import type { Side } from '../../rollups/types.js';
import type { SessionEvidence } from '../../scoring/index.js';
import type { DropCounts, EventRow, IngestRequest, InsertResult } from '../types.js';
import { utcDay } from '../../lib/time.js';
import { foldSession, type SessionDelta } from '../foldSessionDeltas.js';
import {
  scoreTouchedSessions,
  sessionKey,
  type ScoredSession,
  type StoredRequest,
} from '../scoreTouchedSessions.js';
import type { Db } from './db.js';

/**
 * Most statements one group runs: BEGIN, insert events, read sessions, read session days,
 * upsert sessions, session days, stale report days, SDK drops, COMMIT.
 */
export const COMMIT_STATEMENTS = 9;

// The days of the new events and every stored day of their sessions (a verdict or an entry
// page that changes touches all of them) are marked for a rollup rebuild.
export const MARK_DIRTY = `
  INSERT INTO rollup_dirty (site, day)
  SELECT DISTINCT d.value->>0, d.value->>1 FROM json_each(?) AS d WHERE true
  ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1`;

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
     screen, viewport, language, timezone, device, evidence, bot_score, is_bot, bot_reasons,
     country, browser, os, referrer_domain, channel, utm_source, utm_medium, utm_campaign)
  SELECT s.value->>'site', s.value->>'session', s.value->>'visitor', s.value->>'user',
         s.value->>'firstTs', s.value->>'lastTs', s.value->>'pageviews', s.value->>'events',
         s.value->>'entryTs', s.value->>'entryPath', s.value->>'exitTs', s.value->>'exitPath',
         s.value->>'referrer', s.value->>'userAgent', s.value->>'screen', s.value->>'viewport',
         s.value->>'language', s.value->>'timezone', s.value->>'device', s.value->>'evidence',
         coalesce(s.value->>'botScore', 0), coalesce(s.value->>'isBot', 0),
         coalesce(s.value->>'botReasons', '[]'),
         s.value->>'country', s.value->>'browser', s.value->>'os', s.value->>'referrerDomain',
         s.value->>'channel', s.value->>'utmSource', s.value->>'utmMedium', s.value->>'utmCampaign'
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
    referrer_domain = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                    THEN excluded.referrer_domain ELSE referrer_domain END,
    channel = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                    THEN excluded.channel ELSE channel END,
    utm_source = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                    THEN excluded.utm_source ELSE utm_source END,
    utm_medium = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                    THEN excluded.utm_medium ELSE utm_medium END,
    utm_campaign = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1)
                    THEN excluded.utm_campaign ELSE utm_campaign END,
    entry_ts = min(coalesce(entry_ts, excluded.entry_ts), coalesce(excluded.entry_ts, entry_ts)),
    exit_path = CASE WHEN excluded.exit_ts >= coalesce(exit_ts, excluded.exit_ts)
                     THEN excluded.exit_path ELSE exit_path END,
    exit_ts = max(coalesce(exit_ts, excluded.exit_ts), coalesce(excluded.exit_ts, exit_ts)),
    user_agent = coalesce(user_agent, excluded.user_agent),
    screen = coalesce(screen, excluded.screen),
    viewport = coalesce(viewport, excluded.viewport),
    language = coalesce(language, excluded.language),
    timezone = coalesce(timezone, excluded.timezone),
    device = coalesce(device, excluded.device),
    country = coalesce(country, excluded.country),
    browser = coalesce(browser, excluded.browser),
    os = coalesce(os, excluded.os),
    -- Scored again only when this group brought evidence (a request's facts).
    bot_score = CASE WHEN excluded.evidence IS NULL THEN bot_score ELSE excluded.bot_score END,
    is_bot = CASE WHEN excluded.evidence IS NULL THEN is_bot ELSE excluded.is_bot END,
    bot_reasons = CASE WHEN excluded.evidence IS NULL THEN bot_reasons ELSE excluded.bot_reasons END,
    evidence = coalesce(excluded.evidence, evidence)`;

// Touched sessions are looked up by primary key, driven by the list of keys (CROSS JOIN
// keeps json_each as the outer loop).
const READ_SESSIONS = `
  SELECT s.site, s.session_id AS session, s.is_bot AS isBot, s.evidence
  FROM json_each(?) AS k CROSS JOIN sessions AS s
  WHERE s.site = k.value->>0 AND s.session_id = k.value->>1`;

const READ_SESSION_DAYS = `
  SELECT DISTINCT d.site, d.day
  FROM json_each(?) AS k CROSS JOIN session_days AS d
  WHERE d.site = k.value->>0 AND d.session_id = k.value->>1`;

const UPSERT_DROPS = `
  INSERT INTO sdk_drops (site, day, reason, count)
  SELECT d.value->>0, d.value->>1, d.value->>2, d.value->>3 FROM json_each(?) AS d WHERE true
  ON CONFLICT (site, day, reason) DO UPDATE SET count = count + excluded.count`;

export interface IngestItem {
  rows: EventRow[];
  dropped: DropCounts | null;
  /** The request's facts for scoring; null for writes that are not ingest requests. */
  request?: IngestRequest | null;
}

const UPSERT_SESSION_DAYS = `
  INSERT INTO session_days (site, session_id, day, visitor, pageviews, is_bot)
  SELECT d.value->>0, d.value->>1, d.value->>2, d.value->>3, d.value->>4, d.value->>5
  FROM json_each(?) AS d WHERE true
  ON CONFLICT (site, session_id, day, visitor) DO UPDATE SET
    pageviews = pageviews + excluded.pageviews,
    is_bot = excluded.is_bot`;

const key = (...parts: string[]): string => parts.join('\u0000');

interface StoredSessionRow {
  site: string;
  session: string;
  isBot: Side;
  evidence: string | null;
}

function withVerdict(delta: SessionDelta, scored: ScoredSession | undefined): SessionDelta {
  if (!scored) return delta;
  const { evidence, score } = scored;
  return { ...delta, evidence, botScore: score.botScore, isBot: score.isBot, botReasons: score.reasons };
}

/**
 * `[site, session, day, visitor, pageviews, side]` per session-day and visitor of the new
 * events: which days a session was seen on (so that a change to it marks them all stale).
 */
function sessionDayRows(stored: readonly EventRow[], sides: ReadonlyMap<string, Side>) {
  const rows = new Map<string, [string, string, string, string, number, Side]>();
  for (const e of stored) {
    const day = utcDay(e.ts);
    const k = key(e.site, e.session, day, e.visitor);
    let row = rows.get(k);
    if (!row)
      rows.set(
        k,
        (row = [e.site, e.session, day, e.visitor, 0, sides.get(sessionKey(e.site, e.session)) ?? 0]),
      );
    if (e.type === 'pageview') row[4] += 1;
  }
  return [...rows.values()];
}

/** Sessions first (read their evidence and days, score, upsert), then their days. */
async function foldIntoAggregates(db: Db, stored: EventRow[], requests: StoredRequest[]): Promise<void> {
  const sessions = new Map<string, SessionDelta>();
  for (const row of stored) foldSession(sessions, row);
  const keys = JSON.stringify([...sessions.values()].map((s) => [s.site, s.session]));
  const before = await db.all<StoredSessionRow>(READ_SESSIONS, [keys]);
  const days = await db.all<{ site: string; day: string }>(READ_SESSION_DAYS, [keys]);

  const previous = new Map(
    before.map((s) => [
      sessionKey(s.site, s.session),
      s.evidence ? (JSON.parse(s.evidence) as SessionEvidence) : null,
    ]),
  );
  const scored = scoreTouchedSessions(requests, previous);
  const sides = new Map<string, Side>(before.map((s) => [sessionKey(s.site, s.session), s.isBot ? 1 : 0]));
  for (const [k, s] of scored) sides.set(k, s.score.isBot ? 1 : 0);

  const deltas = [...sessions].map(([k, delta]) => withVerdict(delta, scored.get(k)));
  await db.run(UPSERT_SESSIONS, [JSON.stringify(deltas)]);

  await db.run(UPSERT_SESSION_DAYS, [JSON.stringify(sessionDayRows(stored, sides))]);

  const dirty = new Set<string>();
  for (const row of stored) dirty.add(key(row.site, utcDay(row.ts)));
  for (const d of days) dirty.add(key(d.site, d.day));
  await db.run(MARK_DIRTY, [JSON.stringify([...dirty].map((k) => k.split('\u0000')))]);
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
    const requests = items.map((item) => ({ request: item.request ?? null, rows: [] as EventRow[] }));
    const byKey = new Map(rows.map((r) => [key(r.site, r.eventId), r]));
    for (const r of inserted) {
      const k = key(r.site, r.event_id);
      const row = byKey.get(k);
      if (!row) continue;
      stored.push(row);
      const i = owner.get(k) as number;
      counts[i] = (counts[i] ?? 0) + 1;
      requests[i]?.rows.push(row);
    }
    if (stored.length > 0) await foldIntoAggregates(db, stored, requests);
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
