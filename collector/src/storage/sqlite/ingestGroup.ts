/**
 * One ingest group on the SQLite writer in two round trips through the driver's thread
 * pool, whatever the group's size: one statement reads which of the group's events are
 * stored and the state of its sessions; one `exec` writes the events, sessions, session
 * days, stale report days and SDK drops and commits (`INGEST_STATEMENTS`). The driver only
 * reads and writes: ingest/ folds what was read into what is written.
 *
 * The write's data travels as JSON text inlined in the SQL (one string literal per
 * statement, `sqlString`): `exec` takes no parameters, and one call runs every statement.
 */
import type { IngestKeys, IngestRead, IngestWrites, StoredSession } from '../types.js';
import type { Db } from './db.js';

/**
 * Calls on the writer per group: the read, then the write with BEGIN and COMMIT. When ingest
 * already knows what the read would say, the write alone (`tryIngestWrite`).
 */
export const INGEST_STATEMENTS = 2;

// The days of the new events and every stored day of their sessions (a verdict or an entry
// page that changes touches all of them) are marked for a rollup rebuild.
export const MARK_DIRTY = `
  INSERT INTO rollup_dirty (site, day)
  SELECT DISTINCT d.value->>0, d.value->>1 FROM json_each(?) AS d WHERE true
  ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1`;

// Keys drive the lookups (CROSS JOIN keeps json_each the outer loop): one primary-key or
// unique-index seek each. Events answer only when stored (a retry), sessions with their days.
const READ = `
  SELECT 0 AS kind, e.site, e.event_id AS id, NULL AS isBot, NULL AS evidence, NULL AS days
  FROM json_each(?1) AS k CROSS JOIN events AS e
  WHERE e.site = k.value->>0 AND e.event_id = k.value->>1
  UNION ALL
  SELECT 1, s.site, s.session_id, s.is_bot, s.evidence,
         (SELECT json_group_array(DISTINCT d.day) FROM session_days AS d
          WHERE d.site = s.site AND d.session_id = s.session_id)
  FROM json_each(?2) AS k CROSS JOIN sessions AS s
  WHERE s.site = k.value->>0 AND s.session_id = k.value->>1`;

// No OR IGNORE: ingest writes only events the read found missing, under the write lock; a
// stored one means that promise broke, and the group fails (503, the client retries).
const INSERT_EVENTS = (json: string) => `
  INSERT INTO events
    (site, event_id, type, ts, received_at, session, visitor, user_id, url, path, title,
     referrer, name, data, pv)
  SELECT e.value->>0, e.value->>1, e.value->>2, e.value->>3, e.value->>4, e.value->>5,
         e.value->>6, e.value->>7, e.value->>8, e.value->>9, e.value->>10, e.value->>11,
         e.value->>12, e.value->>13, e.value->>14
  FROM json_each(${json}) AS e WHERE true;`;

const INSERT_SESSIONS = (json: string) => `
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
  FROM json_each(${json}) AS s WHERE true`;

// Columns that follow the session's entry: an earlier entry than the stored one brings its own.
const ENTRY_COLUMNS = [
  'entry_path',
  'referrer',
  'referrer_domain',
  'channel',
  'utm_source',
  'utm_medium',
  'utm_campaign',
]
  .map(
    (c) =>
      `    ${c} = CASE WHEN excluded.entry_ts < coalesce(entry_ts, excluded.entry_ts + 1) THEN excluded.${c} ELSE ${c} END,`,
  )
  .join('\n');

// Sessions ingest knows are stored gain the group's delta; new ones are inserted without
// ON CONFLICT: one stored after all fails the write (see `tryIngestWrite`).
const UPSERT_SESSIONS = (json: string) => `${INSERT_SESSIONS(json)}
  ON CONFLICT (site, session_id) DO UPDATE SET
    user_id = coalesce(excluded.user_id, user_id),
    first_ts = min(first_ts, excluded.first_ts),
    last_ts = max(last_ts, excluded.last_ts),
    pageviews = pageviews + excluded.pageviews,
    events = events + excluded.events,
${ENTRY_COLUMNS}
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
    evidence = coalesce(excluded.evidence, evidence);`;

const UPSERT_SESSION_DAYS = (json: string) => `
  INSERT INTO session_days (site, session_id, day, visitor, pageviews, is_bot)
  SELECT d.value->>0, d.value->>1, d.value->>2, d.value->>3, d.value->>4, d.value->>5
  FROM json_each(${json}) AS d WHERE true
  ON CONFLICT (site, session_id, day, visitor) DO UPDATE SET
    pageviews = pageviews + excluded.pageviews,
    is_bot = excluded.is_bot;`;

const UPSERT_DROPS = (json: string) => `
  INSERT INTO sdk_drops (site, day, reason, count)
  SELECT d.value->>0, d.value->>1, d.value->>2, d.value->>3 FROM json_each(${json}) AS d WHERE true
  ON CONFLICT (site, day, reason) DO UPDATE SET count = count + excluded.count;`;

/**
 * A value as an SQL string literal. JSON text has no raw control characters (NUL included):
 * doubling the quotes is all SQLite's literal syntax asks.
 */
export function sqlString(value: unknown): string {
  return `'${JSON.stringify(value).replaceAll("'", "''")}'`;
}

interface ReadRow {
  kind: 0 | 1;
  site: string;
  id: string;
  isBot: number | null;
  evidence: string | null;
  days: string | null;
}

export async function readIngest(db: Db, keys: IngestKeys): Promise<IngestRead> {
  const rows = await db.all<ReadRow>(READ, [JSON.stringify(keys.events), JSON.stringify(keys.sessions)]);
  const read: IngestRead = { storedEvents: [], sessions: [] };
  for (const r of rows) {
    if (r.kind === 0) read.storedEvents.push([r.site, r.id]);
    else read.sessions.push(storedSession(r));
  }
  return read;
}

function storedSession(r: ReadRow): StoredSession {
  return {
    site: r.site,
    session: r.id,
    isBot: r.isBot === 1,
    evidence: r.evidence,
    days: r.days ? (JSON.parse(r.days) as string[]) : [],
  };
}

/** The columns of `INSERT_EVENTS`, in order: only what the table stores is serialised. */
function eventColumns(writes: IngestWrites): unknown[][] {
  return writes.events.map((e) => [
    e.site,
    e.eventId,
    e.type,
    e.ts,
    e.receivedAt,
    e.session,
    e.visitor,
    e.user,
    e.url,
    e.path,
    e.title,
    e.referrer,
    e.name,
    e.data,
    e.pv,
  ]);
}

/** The write as one SQL text: BEGIN IMMEDIATE, the statements with something to write, COMMIT. */
export function writeSql(writes: IngestWrites): string {
  const parts = ['BEGIN IMMEDIATE;'];
  if (writes.events.length > 0) parts.push(INSERT_EVENTS(sqlString(eventColumns(writes))));
  const fresh = writes.sessions.filter((w) => w.isNew);
  const known = fresh.length === 0 ? writes.sessions : writes.sessions.filter((w) => !w.isNew);
  if (fresh.length > 0) parts.push(`${INSERT_SESSIONS(sqlString(fresh))};`);
  if (known.length > 0) parts.push(UPSERT_SESSIONS(sqlString(known)));
  if (writes.sessionDays.length > 0) parts.push(UPSERT_SESSION_DAYS(sqlString(writes.sessionDays)));
  if (writes.staleDays.length > 0) parts.push(`${MARK_DIRTY.replace('?', sqlString(writes.staleDays))};`);
  if (writes.drops.length > 0) parts.push(UPSERT_DROPS(sqlString(writes.drops)));
  parts.push('COMMIT;');
  return parts.join('\n');
}

const isEmpty = (w: IngestWrites): boolean =>
  w.events.length + w.sessions.length + w.sessionDays.length + w.staleDays.length + w.drops.length === 0;

/** Writes and commits; rolls back and throws on failure. The caller holds the write lock. */
async function write(db: Db, writes: IngestWrites): Promise<void> {
  if (isEmpty(writes)) return;
  try {
    await db.exec(writeSql(writes));
  } catch (error) {
    // `exec` stops at the first failing statement, inside the transaction BEGIN opened.
    try {
      await db.exec('ROLLBACK');
    } catch (rollbackError) {
      if (!String(rollbackError).includes('no transaction is active'))
        throw new AggregateError([error, rollbackError], 'ingest write failed and rollback failed');
    }
    throw error;
  }
}

/** Read, fold, write: the caller holds the write lock. */
export async function ingestGroup(
  db: Db,
  keys: IngestKeys,
  fold: (read: IngestRead) => IngestWrites,
): Promise<void> {
  await write(db, fold(await readIngest(db, keys)));
}

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string }).code === 'SQLITE_CONSTRAINT' && String(error).includes('UNIQUE');

/** The write alone (one call on the writer); false when an event or new session was stored. */
export async function tryIngestWrite(db: Db, writes: IngestWrites): Promise<boolean> {
  try {
    await write(db, writes);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
