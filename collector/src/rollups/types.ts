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

/** A session seen on the day, one of its visitor ids that day, and its user. */
export interface DayLink {
  session: string;
  visitor: string;
  user: string | null;
}

/**
 * One (site, day) as a driver reads it for the rollups, every call in one snapshot
 * (rollups/refreshDay.ts decides what to read).
 */
export interface DaySnapshot {
  /** The generation of the day's stale mark; null when it is not marked (nothing to do). */
  gen: number | null;
  /** Newest event row id in the snapshot (the watermark the rows will reflect). */
  top: number;
  /** The watermark the day's stored rows reflect; null when they were not kept up to date. */
  counted: number | null;
  /** Every session-day's visitors and user. */
  links(): Promise<DayLink[]>;
  /**
   * The sessions of the day (now, or as counted) with events after the watermark `counted`;
   * null when more than `max` events came since.
   */
  touched(max: number): Promise<string[] | null>;
  /** Sessions sharing a visitor or user with any of `sessions`, as counted or now. */
  linked(sessions: readonly string[]): Promise<string[]>;
  /** The sessions' facts now (`upTo` null) or as counted (their stored facts, events ≤ `counted`). */
  facts(sessions: readonly string[], asCounted: boolean): Promise<DayFacts>;
  /** The stored rows of `keys` (`RollupRow`s with their add count). */
  rows(table: RollupTable, keys: readonly RollupRow[]): Promise<RollupRow[]>;
}

/** What a counted session-day keeps: its fact as counted and its links (`v…`, `u…`). */
export type CountedRow = [session: string, fact: string, links: string];

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
/**
 * How each value column (after the key) of a table combines when partial rows of one key
 * are added up (rollups/combineRollups.ts): a day's rows are the sum of its groups' rows
 * (a group: sessions linked by a visitor or a user that day, so distinct counts add up).
 * `hist` adds `[key, count, …]` lists; `own`: the row belongs to one session-day, the last
 * one added wins.
 */
export type MergeOp = 'sum' | 'min' | 'max' | 'hist' | 'own';
const sums = (n: number): MergeOp[] => Array.from({ length: n }, () => 'sum');
export const ROLLUP_MERGE: Record<RollupTable, readonly MergeOp[]> = {
  ru_sessions: sums(6),
  ru_hours: sums(3),
  ru_durations: sums(1),
  ru_lengths: sums(1),
  ru_pages: sums(14),
  ru_segments: sums(1),
  ru_transitions: sums(1),
  ru_events: sums(2),
  ru_vitals: [...sums(4), 'hist'],
  // Distinct sessions and users add up over groups; first and last seen do not subtract.
  ru_errors: ['sum', 'sum', 'sum', 'min', 'max', 'hist'],
  ru_users: sums(9),
  ru_problem_sessions: ['own', 'own', 'own', 'own', 'own', 'own', 'own'],
};

/**
 * A row: the table's columns in `ROLLUP_COLUMNS` order, then (hidden from reports, stored in
 * column `n`) how many times its key was added to: the row exists while that is above 0.
 */
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
