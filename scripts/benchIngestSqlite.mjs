/**
 * The storage ceiling of `pnpm bench:ingest`: raw SQLite through `sqlite3` (the collector's
 * driver), with the collector's settings (WAL, synchronous=NORMAL), inserting the scenario's
 * events into a table of the collector's `events` shape and indexes. Each transaction takes
 * what one group commit could hold with every connection's request pending: `connections`
 * requests, in one `INSERT … SELECT … FROM json_each(?)` (its own transaction, one round trip
 * through the driver). Only the statements are timed, not building their JSON.
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
  SELECT e.value->>'site', e.value->>'id', e.value->>'type', e.value->>'ts', e.value->>'receivedAt',
         e.value->>'session', e.value->>'visitor', e.value->>'user', e.value->>'url', e.value->>'path',
         e.value->>'title', e.value->>'referrer', e.value->>'name', e.value->>'data', e.value->>'pv'
  FROM json_each(?) AS e WHERE true`;

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
  return JSON.stringify(rows);
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
      const rows = groupRows(scenario, 'sql-', n, connections);
      const t = performance.now();
      await call(db, 'run', INSERT, [rows]);
      busy += performance.now() - t;
      events += connections * scenario.events;
    }
    return events / (busy / 1000);
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}
