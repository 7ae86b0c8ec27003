/**
 * Versioned SQLite migrations, applied in order on every start inside one transaction each.
 * Never edit a released migration: add the next version.
 */
import { firstSegmentSql } from '../../lib/pathSegment.js';

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
  {
    version: 3,
    name: 'bot verdicts: session evidence, rollups and per-day helpers by bot side',
    sql: `
      -- The humanness evidence (scoring/types.ts SessionEvidence) as JSON: counts and
      -- summaries only, never the client address.
      ALTER TABLE sessions ADD COLUMN evidence TEXT;

      -- Rollups gain the bot side; what was counted before scoring existed was human.
      CREATE TABLE rollup_daily_v3 (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        is_bot INTEGER NOT NULL,
        pageviews INTEGER NOT NULL DEFAULT 0,
        sessions INTEGER NOT NULL DEFAULT 0,
        visitors INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (site, day, is_bot)
      ) WITHOUT ROWID;
      INSERT INTO rollup_daily_v3 (site, day, is_bot, pageviews, sessions, visitors)
        SELECT site, day, 0, pageviews, sessions, visitors FROM rollup_daily;
      DROP TABLE rollup_daily;
      ALTER TABLE rollup_daily_v3 RENAME TO rollup_daily;

      -- A session's contribution to each day, per visitor id (the id changes with the day's
      -- salt, and with the address within a day), so that a verdict that flips can move it.
      -- Keyed by session first: ingest reads every row of the sessions it touches.
      CREATE TABLE session_days_v3 (
        site TEXT NOT NULL,
        session_id TEXT NOT NULL,
        day TEXT NOT NULL,
        visitor TEXT NOT NULL,
        pageviews INTEGER NOT NULL DEFAULT 0,
        is_bot INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (site, session_id, day, visitor)
      ) WITHOUT ROWID;
      INSERT INTO session_days_v3 (site, session_id, day, visitor, pageviews, is_bot)
        SELECT site, session, strftime('%Y-%m-%d', ts / 1000, 'unixepoch'), visitor,
               sum(type = 'pageview'), 0
        FROM events GROUP BY 1, 2, 3, 4;
      -- Session-days whose raw events retention already deleted: the session's own visitor.
      INSERT OR IGNORE INTO session_days_v3 (site, session_id, day, visitor, pageviews, is_bot)
        SELECT d.site, d.session_id, d.day, s.visitor, 0, 0
        FROM session_days AS d JOIN sessions AS s ON s.site = d.site AND s.session_id = d.session_id
        WHERE NOT EXISTS (SELECT 1 FROM session_days_v3 AS n
                          WHERE n.site = d.site AND n.session_id = d.session_id AND n.day = d.day);
      DROP TABLE session_days;
      ALTER TABLE session_days_v3 RENAME TO session_days;

      -- Sessions of each visitor per day and side: the visitor counts on that side while
      -- this is above 0 (counted on 0 → 1, uncounted on 1 → 0).
      CREATE TABLE visitor_days_v3 (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        visitor TEXT NOT NULL,
        is_bot INTEGER NOT NULL,
        sessions INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (site, day, visitor, is_bot)
      ) WITHOUT ROWID;
      INSERT INTO visitor_days_v3 (site, day, visitor, is_bot, sessions)
        SELECT site, day, visitor, 0, count(*) FROM session_days GROUP BY 1, 2, 3;
      -- Visitors counted whose sessions cannot be told any more: counted for good.
      INSERT OR IGNORE INTO visitor_days_v3 (site, day, visitor, is_bot, sessions)
        SELECT site, day, visitor, 0, 1 FROM visitor_days;
      DROP TABLE visitor_days;
      ALTER TABLE visitor_days_v3 RENAME TO visitor_days;
    `,
  },
  {
    version: 4,
    name: 'pageviews index for the records list',
    // The pageviews list counts every matching pageview of a site; without an index that
    // holds only pageviews, the count walked every event (~0.5 s at 200k events).
    sql: `CREATE INDEX events_pageviews ON events (site, ts) WHERE type = 'pageview';`,
  },
  {
    version: 5,
    name: 'session dimensions, report rollups rebuilt per dirty day',
    sql: `
      -- Where a session came from and what it ran on, set at ingest (enrich/).
      ALTER TABLE sessions ADD COLUMN country TEXT;
      ALTER TABLE sessions ADD COLUMN browser TEXT;
      ALTER TABLE sessions ADD COLUMN os TEXT;
      ALTER TABLE sessions ADD COLUMN referrer_domain TEXT;
      ALTER TABLE sessions ADD COLUMN channel TEXT;
      ALTER TABLE sessions ADD COLUMN utm_source TEXT;
      ALTER TABLE sessions ADD COLUMN utm_medium TEXT;
      ALTER TABLE sessions ADD COLUMN utm_campaign TEXT;
      CREATE INDEX sessions_site_user ON sessions (site, user_id) WHERE user_id IS NOT NULL;
      CREATE INDEX events_site_user_ts ON events (site, user_id, ts) WHERE user_id IS NOT NULL;
      CREATE INDEX events_errors ON events (site, ts) WHERE type = 'error';

      -- Days whose rollups are stale: ingest bumps gen; a refresh that read generation g
      -- clears the mark only if it is still g (rollups/refreshRollups.ts).
      CREATE TABLE rollup_dirty (
        site TEXT NOT NULL, day TEXT NOT NULL, gen INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (site, day)
      ) WITHOUT ROWID;
      INSERT INTO rollup_dirty (site, day)
        SELECT DISTINCT site, strftime('%Y-%m-%d', ts / 1000, 'unixepoch') FROM events;

      -- Report rollups: one set of rows per (site, UTC day), rebuilt whole from that day's
      -- events (rollups/aggregateDay.ts). f = the one filter a row answers ('' = none,
      -- 'device=mobile', 'country=DE', 'referrer=example.com', 'user=logged_in', 'page=/x').
      CREATE TABLE ru_sessions (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        b TEXT NOT NULL, v TEXT NOT NULL,
        visitors INTEGER NOT NULL, sessions INTEGER NOT NULL, pageviews INTEGER NOT NULL,
        bounces INTEGER NOT NULL, duration_ms INTEGER NOT NULL, engaged_ms INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, b, v)
      ) WITHOUT ROWID;
      CREATE TABLE ru_hours (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        pageviews INTEGER NOT NULL, sessions INTEGER NOT NULL, visitors INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, hour)
      ) WITHOUT ROWID;
      CREATE TABLE ru_durations (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        seconds INTEGER NOT NULL, sessions INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, seconds)
      ) WITHOUT ROWID;
      CREATE TABLE ru_lengths (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        pages INTEGER NOT NULL, sessions INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, pages)
      ) WITHOUT ROWID;
      CREATE TABLE ru_pages (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        path TEXT NOT NULL,
        views INTEGER NOT NULL, visitors INTEGER NOT NULL, entries INTEGER NOT NULL,
        exits INTEGER NOT NULL, engaged_ms INTEGER NOT NULL, engaged_n INTEGER NOT NULL,
        scroll_sum INTEGER NOT NULL, scroll_n INTEGER NOT NULL, load_ms INTEGER NOT NULL,
        load_n INTEGER NOT NULL, slow INTEGER NOT NULL, errors INTEGER NOT NULL,
        rage INTEGER NOT NULL, dead INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, path)
      ) WITHOUT ROWID;
      CREATE TABLE ru_transitions (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        from_path TEXT NOT NULL, to_path TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, from_path, to_path)
      ) WITHOUT ROWID;
      CREATE TABLE ru_events (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        type TEXT NOT NULL, name TEXT NOT NULL, k TEXT NOT NULL, v TEXT NOT NULL,
        count INTEGER NOT NULL, sessions INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, type, name, k, v)
      ) WITHOUT ROWID;
      CREATE TABLE ru_vitals (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        path TEXT NOT NULL, metric TEXT NOT NULL, bucket INTEGER NOT NULL, rating TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, path, metric, bucket, rating)
      ) WITHOUT ROWID;
      CREATE TABLE ru_users (
        site TEXT NOT NULL, day TEXT NOT NULL, is_bot INTEGER NOT NULL, user_id TEXT NOT NULL,
        sessions INTEGER NOT NULL, pageviews INTEGER NOT NULL, clicks INTEGER NOT NULL,
        engaged_ms INTEGER NOT NULL, custom INTEGER NOT NULL, errors INTEGER NOT NULL,
        rage INTEGER NOT NULL, dead INTEGER NOT NULL, slow INTEGER NOT NULL,
        PRIMARY KEY (site, day, is_bot, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX ru_users_user ON ru_users (site, user_id, day);
      CREATE TABLE ru_problem_sessions (
        site TEXT NOT NULL, day TEXT NOT NULL, is_bot INTEGER NOT NULL, session_id TEXT NOT NULL,
        user_id TEXT, errors INTEGER NOT NULL, rage INTEGER NOT NULL, dead INTEGER NOT NULL,
        slow INTEGER NOT NULL,
        PRIMARY KEY (site, day, is_bot, session_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'funnel step and realtime indexes',
    // Funnels find each session's first pageview of a path (or custom event of a name) in a
    // period, then follow the session on events_site_session_ts.
    sql: `
      CREATE INDEX events_site_path_ts ON events (site, path, ts) WHERE type = 'pageview';
      CREATE INDEX events_site_custom_ts ON events (site, name, ts) WHERE type = 'custom';
      -- Realtime: sessions active in the last minutes.
      CREATE INDEX sessions_site_last_ts ON sessions (site, last_ts);
    `,
  },
  {
    version: 7,
    name: 'drop the ingest-time daily totals',
    // The first overview read these; every report now reads the ru_* rollups rebuilt from
    // raw events, and days past retention keep those.
    sql: `
      DROP TABLE visitor_days;
      DROP TABLE rollup_daily;
    `,
  },
  {
    version: 8,
    name: 'errors rollup',
    // Error groups (kind, message, top frame) per day: path '' holds a group's totals with
    // its distinct sessions and users of the day, other rows its occurrences per page.
    sql: `
      CREATE TABLE ru_errors (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        kind TEXT NOT NULL, message TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
        col INTEGER NOT NULL, path TEXT NOT NULL,
        occurrences INTEGER NOT NULL, sessions INTEGER NOT NULL, users INTEGER NOT NULL,
        first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, path, kind, message, source, line, col)
      ) WITHOUT ROWID;
      INSERT INTO rollup_dirty (site, day)
        SELECT DISTINCT site, strftime('%Y-%m-%d', ts / 1000, 'unixepoch') FROM events WHERE type = 'error'
        ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1;
    `,
  },
  {
    version: 9,
    name: 'vitals as histograms, transitions by count',
    // One row per (day, filter, path, metric) holding its samples per rating and the
    // histogram of its buckets as a JSON list [bucket, count, bucket, count, …]: a vitals report reads one row
    // where it read one per bucket and rating. Rows are converted, not rebuilt: days past
    // retention have no raw events left to rebuild them from.
    sql: `
      CREATE TABLE ru_vitals_h (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        path TEXT NOT NULL, metric TEXT NOT NULL,
        samples INTEGER NOT NULL, good INTEGER NOT NULL, ni INTEGER NOT NULL, poor INTEGER NOT NULL,
        hist TEXT NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, path, metric)
      ) WITHOUT ROWID;
      INSERT INTO ru_vitals_h
        SELECT site, day, f, is_bot, path, metric, sum(n), sum(good), sum(ni), sum(poor),
               '[' || group_concat(bucket || ',' || n, ',') || ']'
        FROM (
          SELECT site, day, f, is_bot, path, metric, bucket, sum(count) AS n,
                 sum(CASE rating WHEN 'good' THEN count ELSE 0 END) AS good,
                 sum(CASE rating WHEN 'needs-improvement' THEN count ELSE 0 END) AS ni,
                 sum(CASE rating WHEN 'poor' THEN count ELSE 0 END) AS poor
          FROM ru_vitals
          GROUP BY site, day, f, is_bot, path, metric, bucket
          ORDER BY site, day, f, is_bot, path, metric, bucket
        )
        GROUP BY site, day, f, is_bot, path, metric;
      DROP TABLE ru_vitals;
      ALTER TABLE ru_vitals_h RENAME TO ru_vitals;
      -- A day's most frequent transitions first (reports/topAcrossDays.ts).
      CREATE INDEX ru_transitions_top ON ru_transitions (site, day, f, is_bot, count);
    `,
  },
  {
    version: 10,
    name: 'problem sessions: score and single-day',
    // The worst sessions are read per day by score (reports/topAcrossDays.ts), and distinct
    // sessions with problems are the single-day rows plus the distinct others. Computed in
    // place (days past retention cannot be rebuilt): score with the weights of
    // reports/userScores.ts (changing them needs a migration like this one); a session
    // whose row is gone counts as single-day.
    sql: `
      ALTER TABLE ru_problem_sessions ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_problem_sessions ADD COLUMN single INTEGER NOT NULL DEFAULT 1;
      UPDATE ru_problem_sessions SET score = 3 * errors + 2 * rage + dead + 2 * slow;
      UPDATE ru_problem_sessions SET single = 0 WHERE EXISTS (
        SELECT 1 FROM sessions s
        WHERE s.site = ru_problem_sessions.site AND s.session_id = ru_problem_sessions.session_id
          AND s.first_ts / 86400000 <> s.last_ts / 86400000);
      CREATE INDEX ru_problem_sessions_top ON ru_problem_sessions (site, day, is_bot, score);
      CREATE INDEX ru_problem_sessions_single ON ru_problem_sessions (site, day, is_bot, single);
    `,
  },
  {
    version: 11,
    name: 'sessions by side and start',
    // The sessions list counts a period's human (or bot) sessions: from the index alone,
    // instead of looking up each session's verdict (seconds at 10M events).
    sql: `
      CREATE INDEX sessions_site_bot_first_ts ON sessions (site, is_bot, first_ts);
    `,
  },
  {
    version: 12,
    name: 'per-user rollup by week',
    // ru_users added up per (Monday-started) week: ranking users over a month reads about
    // four weekly rows per user and the days left over, not thirty daily ones. Rebuilt from
    // ru_users whenever a day of the week is (rollups/refreshRollups.ts). Migration 16
    // replaced them with rows over trailing days.
    sql: `
      CREATE TABLE ru_users_w (
        site TEXT NOT NULL, week TEXT NOT NULL, is_bot INTEGER NOT NULL, user_id TEXT NOT NULL,
        sessions INTEGER NOT NULL, pageviews INTEGER NOT NULL, clicks INTEGER NOT NULL,
        engaged_ms INTEGER NOT NULL, custom INTEGER NOT NULL, errors INTEGER NOT NULL,
        rage INTEGER NOT NULL, dead INTEGER NOT NULL, slow INTEGER NOT NULL,
        min_day TEXT NOT NULL, max_day TEXT NOT NULL,
        PRIMARY KEY (site, week, is_bot, user_id)
      ) WITHOUT ROWID;
      INSERT INTO ru_users_w
        SELECT site, date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS week,
               is_bot, user_id, sum(sessions), sum(pageviews), sum(clicks), sum(engaged_ms),
               sum(custom), sum(errors), sum(rage), sum(dead), sum(slow), min(day), max(day)
        FROM ru_users GROUP BY site, week, is_bot, user_id;
    `,
  },
  {
    version: 13,
    name: 'problem sessions spanning days, from the index alone',
    // The few sessions that span days are added up per session from their index entries:
    // the index carries what that sum and the answer need (3,600 table lookups at 10M).
    sql: `
      DROP INDEX ru_problem_sessions_single;
      CREATE INDEX ru_problem_sessions_single ON ru_problem_sessions
        (site, day, is_bot, single, session_id, user_id, score, errors, rage, dead, slow);
    `,
  },
  {
    version: 14,
    name: 'sessions with problems per day',
    // Distinct sessions with problems over days start from the single-day ones of each day:
    // a count per day in ru_sessions (as aggregateDay writes it) instead of a sum over every
    // problem session-day.
    sql: `
      INSERT INTO ru_sessions (site, day, f, is_bot, b, v, visitors, sessions, pageviews, bounces, duration_ms, engaged_ms)
        SELECT site, day, '', is_bot, 'problems', CASE single WHEN 1 THEN 'single' ELSE 'multi' END, 0, count(*), 0, 0, 0, 0
        FROM ru_problem_sessions GROUP BY site, day, is_bot, single;
    `,
  },
  {
    version: 15,
    name: 'errors: one row per group with its paths',
    // A group's occurrences per path move into its row as a JSON list [path, count, …]: the
    // report reads a row per group and day instead of one per group, path and day (5,000
    // grouped from ~150,000 at 10M). Converted in place, with a temporary index to find each
    // group's path rows.
    sql: `
      CREATE INDEX ru_errors_by_group ON ru_errors (site, day, f, is_bot, kind, message, source, line, col, path);
      CREATE TABLE ru_errors_p (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        kind TEXT NOT NULL, message TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
        col INTEGER NOT NULL,
        occurrences INTEGER NOT NULL, sessions INTEGER NOT NULL, users INTEGER NOT NULL,
        first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL, paths TEXT NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, kind, message, source, line, col)
      ) WITHOUT ROWID;
      INSERT INTO ru_errors_p
        SELECT g.site, g.day, g.f, g.is_bot, g.kind, g.message, g.source, g.line, g.col,
               g.occurrences, g.sessions, g.users, g.first_ts, g.last_ts,
               coalesce((
                 SELECT '[' || group_concat(json_quote(p.path) || ',' || p.occurrences, ',') || ']'
                 FROM ru_errors AS p
                 WHERE p.site = g.site AND p.day = g.day AND p.f = g.f AND p.is_bot = g.is_bot
                   AND p.kind = g.kind AND p.message = g.message AND p.source = g.source
                   AND p.line = g.line AND p.col = g.col AND p.path <> ''), '[]')
        FROM ru_errors AS g WHERE g.path = '';
      DROP TABLE ru_errors;
      ALTER TABLE ru_errors_p RENAME TO ru_errors;
    `,
  },
  {
    version: 16,
    name: 'per-user rollup over trailing 7 and 30 days, first days',
    // Ranking users over a period reads, per user, one row of the 30 days (and of the 7 days)
    // ending on a day instead of a row per day or week: the default 30-day period is one
    // row per user (5,000 at 10M, not 31,000 weekly and daily rows). ru_user_days lists the
    // days with per-user rows and whether their trailing rows are up to date (rebuilding a
    // day makes the 29 after it stale until the refresh recomputes them: reports read daily
    // rows meanwhile, see storage/sqlite/rankUsers.ts). ru_user_first keeps each user's
    // first day per side (2: either side) so new users are counted without a seek per user.
    // The weekly rows go: trailing rows cover what they did. Trailing rows are computed by
    // the next refresh (every day starts stale).
    sql: `
      CREATE TABLE ru_user_days (
        site TEXT NOT NULL, day TEXT NOT NULL, fresh INTEGER NOT NULL,
        PRIMARY KEY (site, day)
      ) WITHOUT ROWID;
      CREATE TABLE ru_users_trail (
        site TEXT NOT NULL, span INTEGER NOT NULL, end_day TEXT NOT NULL, is_bot INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        sessions INTEGER NOT NULL, pageviews INTEGER NOT NULL, clicks INTEGER NOT NULL,
        engaged_ms INTEGER NOT NULL, custom INTEGER NOT NULL, errors INTEGER NOT NULL,
        rage INTEGER NOT NULL, dead INTEGER NOT NULL, slow INTEGER NOT NULL,
        min_day TEXT NOT NULL, max_day TEXT NOT NULL,
        PRIMARY KEY (site, span, end_day, is_bot, user_id)
      ) WITHOUT ROWID;
      CREATE TABLE ru_user_first (
        site TEXT NOT NULL, side INTEGER NOT NULL, user_id TEXT NOT NULL, first_day TEXT NOT NULL,
        PRIMARY KEY (site, side, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX ru_user_first_day ON ru_user_first (site, side, first_day);
      INSERT INTO ru_user_days SELECT DISTINCT site, day, 0 FROM ru_users;
      INSERT INTO ru_user_first
        SELECT site, is_bot, user_id, min(day) FROM ru_users GROUP BY site, is_bot, user_id
        UNION ALL
        SELECT site, 2, user_id, min(day) FROM ru_users GROUP BY site, user_id;
      DROP TABLE ru_users_w;
    `,
  },
  {
    version: 17,
    name: 'worst one-day problem sessions per day',
    // The worst sessions over days start from each day's worst sessions within that day:
    // a walk of 20 index entries per day among those (reports/topAcrossDays.ts). Covering,
    // or the planner sorts the whole day from ru_problem_sessions_single, which covers too.
    sql: `
      DROP INDEX ru_problem_sessions_top;
      CREATE INDEX ru_problem_sessions_top ON ru_problem_sessions
        (site, day, is_bot, single, score, session_id, user_id, errors, rage, dead, slow);
    `,
  },
  {
    version: 18,
    name: 'page views per first path segment',
    // The default sections of the pages report (first segments of the top pages) add up a
    // few rows per day instead of matching every page row of every day against prefixes.
    // Filled from ru_pages (days past retention cannot be rebuilt from raw events).
    sql: `
      CREATE TABLE ru_segments (
        site TEXT NOT NULL, day TEXT NOT NULL, f TEXT NOT NULL, is_bot INTEGER NOT NULL,
        segment TEXT NOT NULL, views INTEGER NOT NULL,
        PRIMARY KEY (site, day, f, is_bot, segment)
      ) WITHOUT ROWID;
      INSERT INTO ru_segments
        SELECT site, day, f, is_bot, ${firstSegmentSql('path')}, sum(views)
        FROM ru_pages GROUP BY 1, 2, 3, 4, 5;
    `,
  },
  {
    version: 19,
    name: 'transitions over trailing 30 days',
    // The top transitions of a 30-day period without a filter: an index walk of one
    // trailing row set (storage/sqlite/trails.ts) instead of adding up every transition of
    // every day when they are too flat for the per-day bound (1M events: 35k rows, 45 ms).
    // Computed by the next refresh (every day starts stale).
    sql: `
      CREATE TABLE ru_transition_days (
        site TEXT NOT NULL, day TEXT NOT NULL, fresh INTEGER NOT NULL,
        PRIMARY KEY (site, day)
      ) WITHOUT ROWID;
      CREATE TABLE ru_transitions_trail (
        site TEXT NOT NULL, span INTEGER NOT NULL, end_day TEXT NOT NULL, is_bot INTEGER NOT NULL,
        from_path TEXT NOT NULL, to_path TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (site, span, end_day, is_bot, from_path, to_path)
      ) WITHOUT ROWID;
      CREATE INDEX ru_transitions_trail_top ON ru_transitions_trail (site, span, end_day, is_bot, count);
      INSERT INTO ru_transition_days SELECT DISTINCT site, day, 0 FROM ru_transitions WHERE f = '';
    `,
  },
  {
    version: 20,
    name: 'page filter rows in proportion to events',
    // page=P keeps P's own page row, hours and transitions instead of every page, hour and
    // transition of the sessions that viewed P (rows grew with the square of a session's
    // pages): every day that still has raw events is rebuilt by the next passes (the
    // session days from each site's oldest event on; the first of them may be cut by
    // retention, and the job leaves it as it is).
    sql: `
      INSERT INTO rollup_dirty (site, day)
        SELECT DISTINCT d.site, d.day FROM session_days AS d
        WHERE d.day >= (SELECT strftime('%Y-%m-%d', min(e.ts) / 1000, 'unixepoch') FROM events AS e
                        WHERE e.site = d.site)
        ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1;
    `,
  },
  {
    version: 21,
    name: 'rollup rows count their adds',
    // n: how many times a row's key was added to (rollups/combineRollups.ts): a row kept up
    // to date by taking a group's old rows away and adding its new ones lives while n > 0.
    // Rows written before have n = 0: a day is kept up to date only after a full rebuild
    // wrote its n (and its rollup_days row).
    sql: `
      ALTER TABLE ru_sessions ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_hours ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_durations ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_lengths ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_pages ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_segments ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_transitions ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_events ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_vitals ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_errors ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_users ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ru_problem_sessions ADD COLUMN n INTEGER NOT NULL DEFAULT 0;

      -- A day kept up to date (rollups/refreshDay.ts): its rows reflect the events up to row
      -- id rid, and every session-day as it was counted (its fact, its visitors and user as
      -- links), so that a session's old rows can be taken away when it changes.
      CREATE TABLE rollup_days (
        site TEXT NOT NULL, day TEXT NOT NULL, rid INTEGER NOT NULL,
        PRIMARY KEY (site, day)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_counted (
        site TEXT NOT NULL, day TEXT NOT NULL, session_id TEXT NOT NULL,
        fact TEXT NOT NULL, links TEXT NOT NULL,
        PRIMARY KEY (site, day, session_id)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_links (
        site TEXT NOT NULL, day TEXT NOT NULL, link TEXT NOT NULL, session_id TEXT NOT NULL,
        PRIMARY KEY (site, day, link, session_id)
      ) WITHOUT ROWID;
    `,
  },
];
