/**
 * The storage ceiling of `pnpm bench:ingest`: raw SQLite through `sqlite3` (the collector's
 * driver), with the collector's settings (WAL, synchronous=NORMAL), inserting the scenario's
 * events into a table of the collector's `events` shape and indexes. Each transaction takes
 * what one group commit could hold with every connection's request pending: `connections`
 * requests, in one multi-row `INSERT … VALUES` of SQL literals, as ingest writes them (its own
 * transaction, one round trip through the driver). Only the statements are timed, not
 * building their text. Events only: no sessions, session days or stale days, which ingest
 * writes in the same transaction, so the collector's ratio to it stays below 1.
 */
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { scenarioRequest } from './benchIngestBodies.mjs';

const SCHEMA = `
  PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
  CREATE TABLE events (
    rid INTEGER PRIMARY KEY, site TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
    ts INTEGER NOT NULL, received_at INTEGER NOT NULL, session TEXT NOT NULL, visitor TEXT NOT NULL,
    user_id TEXT, url TEXT NOT NULL, path TEXT NOT NULL, title TEXT, referrer TEXT, name TEXT,
    data TEXT, pv TEXT, UNIQUE (site, event_id));
  CREATE INDEX events_site_ts ON events (site, ts);
  CREATE INDEX events_site_session_ts ON events (site, session, ts);
  CREATE INDEX events_site_pv ON events (site, pv) WHERE pv IS NOT NULL;
  CREATE INDEX events_pageviews ON events (site, ts) WHERE type = 'pageview';
  CREATE INDEX events_site_user_ts ON events (site, user_id, ts) WHERE user_id IS NOT NULL;
  CREATE INDEX events_errors ON events (site, ts) WHERE type = 'error';
  CREATE INDEX events_site_path_ts ON events (site, path, ts) WHERE type = 'pageview';
  CREATE INDEX events_site_custom_ts ON events (site, name, ts) WHERE type = 'custom';`;

const INSERT = `
  INSERT OR IGNORE INTO events
    (site, event_id, type, ts, received_at, session, visitor, user_id, url, path, title, referrer, name, data, pv)
  VALUES `;

const COLUMNS = [
  'site',
  'id',
  'type',
  'ts',
  'receivedAt',
  'session',
  'visitor',
  'user',
  'url',
  'path',
  'title',
  'referrer',
  'name',
  'data',
  'pv',
];

/** A value as an SQL literal (the bench's values hold no NUL). */
const literal = (v) =>
  v === null || v === undefined
    ? 'NULL'
    : typeof v === 'number'
      ? String(v)
      : `'${String(v).replaceAll("'", "''")}'`;

const call = (db, method, sql, params = []) =>
  new Promise((resolve, reject) =>
    db[method](sql, ...(method === 'exec' ? [] : [params]), (e) => (e ? reject(e) : resolve())),
  );

/** The rows the collector would store for one group of requests. */
function groupRows(scenario, prefix, first, connections) {
  const rows = [];
  for (let c = 0; c < connections; c++) {
    const { body } = scenarioRequest(scenario, prefix, first + c, c);
    const receivedAt = Date.now();
    for (const e of JSON.parse(body).events) {
      const path = new URL(e.url).pathname;
      rows.push({ ...e, site: 'bench', receivedAt, visitor: `v${c}`, path, data: null });
    }
  }
  return `${INSERT}${rows.map((r) => `(${COLUMNS.map((c) => literal(r[c])).join(', ')})`).join(',\n')}`;
}

/**
 * @param {import('./benchIngestBodies.mjs').Scenario} scenario
 * @param {{ dir: string, seconds: number, connections: number }} options
 * @returns {Promise<number>} events per second of statement time
 */
export async function measureSqlite(scenario, { dir, seconds, connections }) {
  const db = new sqlite3.Database(join(dir, `ceiling-${scenario.events}-${scenario.newSession}.db`));
  try {
    await call(db, 'exec', SCHEMA);
    let busy = 0;
    let events = 0;
    const until = performance.now() + seconds * 1000;
    for (let n = 0; performance.now() < until; n += connections) {
      const sql = groupRows(scenario, 'sql-', n, connections);
      const t = performance.now();
      await call(db, 'run', sql);
      busy += performance.now() - t;
      events += connections * scenario.events;
    }
    return events / (busy / 1000);
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}
