/**
 * The oracle for "everything acknowledged is stored exactly once": opens a stopped
 * collector's SQLite file read-only and counts, with its own SQL, each acknowledged event id
 * and each session's pageviews against the pageview events stored for it. Shares no code with
 * the collector.
 */
import sqlite3 from 'sqlite3';

const CHUNK = 20_000;

function open(path) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
}

function all(db, sql, params) {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
  );
}

// Stored copies of each id in the chunk, only where that is not exactly one.
const COUNT_IDS = `
  SELECT j.value AS id, (SELECT count(*) FROM events AS e WHERE e.site = ? AND e.event_id = j.value) AS n
  FROM json_each(?) AS j WHERE n <> 1`;

// A session's pageview count against its stored pageview events.
const COUNT_SESSIONS = `
  SELECT s.session_id AS session, s.pageviews,
         (SELECT count(*) FROM events AS e
          WHERE e.site = s.site AND e.session = s.session_id AND e.type = 'pageview') AS stored
  FROM sessions AS s WHERE s.site = ? AND s.pageviews <> stored`;

/**
 * @typedef {object} StoredCheck
 * @property {number} acknowledged ids answered 202
 * @property {number} lost acknowledged ids not stored
 * @property {number} doubled extra stored copies of acknowledged ids, plus pageviews a session
 *   counts beyond its stored pageview events
 * @property {string[]} miscounted sessions whose pageview count differs from their events
 */

/**
 * @param {string} dbPath the SQLite file of a collector that has stopped
 * @param {string} site
 * @param {Iterable<string>} acknowledged every event id answered 202
 * @returns {Promise<StoredCheck>}
 */
export async function checkStored(dbPath, site, acknowledged) {
  const ids = [...acknowledged];
  const db = await open(dbPath);
  try {
    let lost = 0;
    let doubled = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const wrong = await all(db, COUNT_IDS, [site, JSON.stringify(ids.slice(i, i + CHUNK))]);
      for (const { n } of wrong) {
        if (n === 0) lost += 1;
        else doubled += n - 1;
      }
    }
    const sessions = await all(db, COUNT_SESSIONS, [site]);
    for (const s of sessions) doubled += Math.max(0, s.pageviews - s.stored);
    return { acknowledged: ids.length, lost, doubled, miscounted: sessions.map((s) => s.session) };
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}
