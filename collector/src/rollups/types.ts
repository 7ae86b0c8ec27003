/**
 * Driver-neutral rollups: what one (site, UTC day) of raw data is read as (`DayFacts`), and
 * the rows every report reads instead of raw events (`DayRollups`). A day's rows are always
 * rebuilt whole from its facts, so they equal a brute-force count over the raw events.
 */

export type Side = 0 | 1;

/** A session active on the day, with its session-level attributes. */
export interface SessionFact {
  session: string;
  isBot: Side;
  user: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  country: string | null;
  referrerDomain: string | null;
  channel: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  /** All pageviews of the session (any day): one makes it a bounce. */
  pageviews: number;
  firstTs: number;
  lastTs: number;
  botReasons: string[];
  userAgent: string | null;
}

/** One raw event of the day. */
export interface EventFact {
  type: string;
  ts: number;
  session: string;
  visitor: string;
  path: string;
  name: string | null;
  /** JSON text of the event's own fields. */
  data: string | null;
  pv: string | null;
  id: string;
}

export interface DayFacts {
  site: string;
  day: string;
  sessions: SessionFact[];
  events: EventFact[];
}

/**
 * Column names of each rollup table after (site, day), in the order of its row tuples.
 * Drivers build their INSERTs from this; reports read the tables by these names.
 */
export const ROLLUP_COLUMNS = {
  ru_sessions: [
    'f',
    'is_bot',
    'b',
    'v',
    'visitors',
    'sessions',
    'pageviews',
    'bounces',
    'duration_ms',
    'engaged_ms',
  ],
  ru_hours: ['f', 'is_bot', 'hour', 'pageviews', 'sessions', 'visitors'],
  ru_durations: ['f', 'is_bot', 'seconds', 'sessions'],
  ru_lengths: ['f', 'is_bot', 'pages', 'sessions'],
  ru_pages: [
    'f',
    'is_bot',
    'path',
    'views',
    'visitors',
    'entries',
    'exits',
    'engaged_ms',
    'engaged_n',
    'scroll_sum',
    'scroll_n',
    'load_ms',
    'load_n',
    'slow',
    'errors',
    'rage',
    'dead',
  ],
  ru_segments: ['f', 'is_bot', 'segment', 'views'],
  ru_transitions: ['f', 'is_bot', 'from_path', 'to_path', 'count'],
  ru_events: ['f', 'is_bot', 'type', 'name', 'k', 'v', 'count', 'sessions'],
  ru_vitals: ['f', 'is_bot', 'path', 'metric', 'samples', 'good', 'ni', 'poor', 'hist'],
  ru_errors: [
    'f',
    'is_bot',
    'kind',
    'message',
    'source',
    'line',
    'col',
    'occurrences',
    'sessions',
    'users',
    'first_ts',
    'last_ts',
    'paths',
  ],
  ru_users: [
    'is_bot',
    'user_id',
    'sessions',
    'pageviews',
    'clicks',
    'engaged_ms',
    'custom',
    'errors',
    'rage',
    'dead',
    'slow',
  ],
  ru_problem_sessions: [
    'is_bot',
    'session_id',
    'user_id',
    'errors',
    'rage',
    'dead',
    'slow',
    'score',
    'single',
  ],
} as const;

export type RollupTable = keyof typeof ROLLUP_COLUMNS;

/** How many of each table's leading columns (after site, day) make its key. */
export const ROLLUP_KEYS: Record<RollupTable, number> = {
  ru_sessions: 4,
  ru_hours: 3,
  ru_durations: 3,
  ru_lengths: 3,
  ru_pages: 3,
  ru_segments: 3,
  ru_transitions: 4,
  ru_events: 6,
  ru_vitals: 4,
  ru_errors: 7,
  ru_users: 2,
  ru_problem_sessions: 2,
};
export type RollupRow = (string | number | null)[];
export type DayRollups = Record<RollupTable, RollupRow[]>;

/** Rows of one table to write in one short transaction (rollups/planDayWrites.ts). */
export interface RowChunk {
  table: RollupTable;
  /** The rows as the JSON text of a list of row tuples (`ROLLUP_COLUMNS` order). */
  json: string;
  rows: number;
  /** Key of the chunk's first row (inclusive); null: from the table's first key of the day. */
  from: RollupRow | null;
  /** Key of the next chunk's first row (exclusive); null: to the day's last key. */
  to: RollupRow | null;
}

/** A stale day and the generation of its mark when it was read. */
export interface DirtyDay {
  site: string;
  day: string;
  gen: number;
}
