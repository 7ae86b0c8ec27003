/**
 * One ingest group on the SQLite writer in two round trips through the driver's thread
 * pool, whatever the group's size: one statement reads which of the group's events are
 * stored and the state of its sessions; one `exec` writes the events, sessions, session
 * days, stale report days and SDK drops and commits (`INGEST_STATEMENTS`). The driver only
 * reads and writes: ingest/ folds what was read into what is written.
 *
 * The write's rows travel as SQL literals in multi-row `VALUES` (`sqlValue`): `exec` takes
 * no parameters, and one call runs every statement. Literals, not one JSON text per
 * statement read back with `->>`: SQLite parsed a session's JSON (its ~1 KB of evidence
 * included) once per column, ~half of the session insert's time.
 */
import type { IngestKeys, IngestRead, IngestWrites, SessionWrite, StoredSession } from '../types.js';
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
const INSERT_EVENTS = (values: string) => `
  INSERT INTO events
    (site, event_id, type, ts, received_at, session, visitor, user_id, url, path, title,
     referrer, name, data, pv)
  VALUES ${values};`;

/** The columns of `INSERT_SESSIONS`, in order, with the field of `SessionWrite` each takes. */
const SESSION_COLUMNS: [string, (w: SessionWrite) => unknown][] = [
  ['site', (w) => w.site],
  ['session_id', (w) => w.session],
  ['visitor', (w) => w.visitor],
  ['user_id', (w) => w.user],
  ['first_ts', (w) => w.firstTs],
  ['last_ts', (w) => w.lastTs],
  ['pageviews', (w) => w.pageviews],
  ['events', (w) => w.events],
  ['entry_ts', (w) => w.entryTs],
  ['entry_path', (w) => w.entryPath],
  ['exit_ts', (w) => w.exitTs],
  ['exit_path', (w) => w.exitPath],
  ['referrer', (w) => w.referrer],
  ['user_agent', (w) => w.userAgent],
  ['screen', (w) => w.screen],
  ['viewport', (w) => w.viewport],
  ['language', (w) => w.language],
  ['timezone', (w) => w.timezone],
  ['device', (w) => w.device],
  ['evidence', (w) => (w.evidence === undefined ? null : JSON.stringify(w.evidence))],
  ['bot_score', (w) => w.botScore ?? 0],
  ['is_bot', (w) => w.isBot ?? false],
  ['bot_reasons', (w) => JSON.stringify(w.botReasons ?? [])],
  ['country', (w) => w.country],
  ['browser', (w) => w.browser],
  ['os', (w) => w.os],
  ['referrer_domain', (w) => w.referrerDomain],
  ['channel', (w) => w.channel],
  ['utm_source', (w) => w.utmSource],
  ['utm_medium', (w) => w.utmMedium],
  ['utm_campaign', (w) => w.utmCampaign],
];

const INSERT_SESSIONS = (values: string) => `
  INSERT INTO sessions (${SESSION_COLUMNS.map(([c]) => c).join(', ')})
  VALUES ${values}`;

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
const UPSERT_SESSIONS = (values: string) => `${INSERT_SESSIONS(values)}
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

const UPSERT_SESSION_DAYS = (values: string) => `
  INSERT INTO session_days (site, session_id, day, visitor, pageviews, is_bot)
  VALUES ${values}
  ON CONFLICT (site, session_id, day, visitor) DO UPDATE SET
    pageviews = pageviews + excluded.pageviews,
    is_bot = excluded.is_bot;`;

const INSERT_DIRTY = (values: string) => `
  INSERT INTO rollup_dirty (site, day) VALUES ${values}
  ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1;`;

const UPSERT_DROPS = (values: string) => `
  INSERT INTO sdk_drops (site, day, reason, count)
  VALUES ${values}
  ON CONFLICT (site, day, reason) DO UPDATE SET count = count + excluded.count;`;

/**
 * A value as an SQL literal: NULL, a number, 1/0 for a boolean, else quoted text (quotes
 * doubled). `exec` hands SQLite a NUL-terminated string, so a NUL inside text (JSON input
 * may carry one) is spliced in with `char(0)` instead of ending the SQL there.
 */
export function sqlValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.indexOf("'") === -1 && text.indexOf('\u0000') === -1) return `'${text}'`;
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\u0000') ? `(${quoted.replaceAll('\u0000', "' || char(0) || '")})` : quoted;
}

/** Rows as the tuples of a multi-row `VALUES`. */
export function sqlRows(rows: readonly (readonly unknown[])[]): string {
  let sql = '';
  for (const row of rows) {
    sql += sql === '' ? '(' : ',\n(';
    for (let i = 0; i < row.length; i++) sql += i === 0 ? sqlValue(row[i]) : `, ${sqlValue(row[i])}`;
    sql += ')';
  }
  return sql;
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

/** The columns of `INSERT_EVENTS`, in order: only what the table stores is written. */
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

const sessionRows = (sessions: readonly SessionWrite[]): string =>
  sqlRows(sessions.map((w) => SESSION_COLUMNS.map(([, field]) => field(w))));

/** The write as one SQL text: BEGIN IMMEDIATE, the statements with something to write, COMMIT. */
export function writeSql(writes: IngestWrites): string {
  const parts = ['BEGIN IMMEDIATE;'];
  if (writes.events.length > 0) parts.push(INSERT_EVENTS(sqlRows(eventColumns(writes))));
  const fresh = writes.sessions.filter((w) => w.isNew);
  const known = fresh.length === 0 ? writes.sessions : writes.sessions.filter((w) => !w.isNew);
  if (fresh.length > 0) parts.push(`${INSERT_SESSIONS(sessionRows(fresh))};`);
  if (known.length > 0) parts.push(UPSERT_SESSIONS(sessionRows(known)));
  if (writes.sessionDays.length > 0) parts.push(UPSERT_SESSION_DAYS(sqlRows(writes.sessionDays)));
  if (writes.staleDays.length > 0) parts.push(INSERT_DIRTY(sqlRows(writes.staleDays)));
  if (writes.drops.length > 0) parts.push(UPSERT_DROPS(sqlRows(writes.drops)));
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
