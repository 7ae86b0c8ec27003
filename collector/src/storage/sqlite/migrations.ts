/**
 * Versioned SQLite migrations, applied in order on every start inside one transaction each.
 * Never edit a released migration: add the next version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'events, sessions and daily rollups',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        origins TEXT,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Raw events. rid orders insertion; (site, event_id) makes a repeat count once.
      CREATE TABLE events (
        rid INTEGER PRIMARY KEY,
        site TEXT NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        ts INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        session TEXT NOT NULL,
        visitor TEXT NOT NULL,
        user_id TEXT,
        url TEXT NOT NULL,
        path TEXT NOT NULL,
        title TEXT,
        referrer TEXT,
        name TEXT,
        data TEXT,
        UNIQUE (site, event_id)
      );
      CREATE INDEX events_site_ts ON events (site, ts);
      CREATE INDEX events_site_session_ts ON events (site, session, ts);

      -- One row per client session, maintained at ingest.
      CREATE TABLE sessions (
        site TEXT NOT NULL,
        session_id TEXT NOT NULL,
        visitor TEXT NOT NULL,
        user_id TEXT,
        first_ts INTEGER NOT NULL,
        last_ts INTEGER NOT NULL,
        pageviews INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        entry_ts INTEGER,
        entry_path TEXT,
        exit_ts INTEGER,
        exit_path TEXT,
        referrer TEXT,
        user_agent TEXT,
        bot_score REAL NOT NULL DEFAULT 0,
        is_bot INTEGER NOT NULL DEFAULT 0,
        bot_reasons TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (site, session_id)
      ) WITHOUT ROWID;
      CREATE INDEX sessions_site_first_ts ON sessions (site, first_ts);

      -- Which sessions and visitors were seen on which UTC day: inserts that change
      -- nothing tell the rollup a session or visitor was already counted that day.
      CREATE TABLE session_days (
        site TEXT NOT NULL, day TEXT NOT NULL, session_id TEXT NOT NULL,
        PRIMARY KEY (site, day, session_id)
      ) WITHOUT ROWID;
      CREATE TABLE visitor_days (
        site TEXT NOT NULL, day TEXT NOT NULL, visitor TEXT NOT NULL,
        PRIMARY KEY (site, day, visitor)
      ) WITHOUT ROWID;

      -- Per site and UTC day totals, read by the overview report.
      CREATE TABLE rollup_daily (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        pageviews INTEGER NOT NULL DEFAULT 0,
        sessions INTEGER NOT NULL DEFAULT 0,
        visitors INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (site, day)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'pageview link, page context on sessions, SDK drop counts',
    sql: `
      ALTER TABLE events ADD COLUMN pv TEXT;
      CREATE INDEX events_site_pv ON events (site, pv) WHERE pv IS NOT NULL;

      ALTER TABLE sessions ADD COLUMN screen TEXT;
      ALTER TABLE sessions ADD COLUMN viewport TEXT;
      ALTER TABLE sessions ADD COLUMN language TEXT;
      ALTER TABLE sessions ADD COLUMN timezone TEXT;
      ALTER TABLE sessions ADD COLUMN device TEXT;

      -- Events the SDK had to drop before sending (full queue …), reported with later batches.
      CREATE TABLE sdk_drops (
        site TEXT NOT NULL, day TEXT NOT NULL, reason TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (site, day, reason)
      ) WITHOUT ROWID;
    `,
  },
];
