/**
 * The storage contract. Routes, reports and scoring see only this interface; each driver
 * (`sqlite/`, later `postgres/`) implements it with its own SQL and migrations.
 */

import type { PageContext } from '@sightline/protocol';
import type { RefreshOptions, RefreshResult } from '../rollups/refreshRollups.js';
import type { RollupTable } from '../rollups/types.js';

export type BotFilter = 'exclude' | 'include' | 'only';

/** One event as the collector stores it, after validation and enrichment. */
export interface EventRow {
  site: string;
  eventId: string;
  type: string;
  ts: number;
  receivedAt: number;
  session: string;
  /** Salted hash standing in for (client address, user agent); never the address itself. */
  visitor: string;
  user: string | null;
  url: string;
  path: string;
  title: string | null;
  referrer: string | null;
  /** Custom event name, vital name. */
  name: string | null;
  /** JSON text of the type's own fields (custom event props, click target, vital value …). */
  data: string | null;
  /** Id of the pageview the event belongs to. */
  pv: string | null;
  userAgent: string | null;
  /** Page context of a pageview (screen, viewport, language, time zone, device class). */
  context?: PageContext | null;
  /** What the request tells of the client (enrich/): never the address itself. */
  client?: ClientInfo | null;
  /** Where a pageview came from (enrich/classifySource). */
  source?: SourceFields | null;
}

export interface ClientInfo {
  /** ISO 3166-1 alpha-2, from the address, else the page's time zone. */
  country: string | null;
  browser: string | null;
  os: string | null;
  /** Device class from the user agent, when the page did not say. */
  device: string | null;
}

export interface SourceFields {
  referrerDomain: string | null;
  channel: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

/** Events the SDK dropped before sending, by reason (`queue_full` …). */
export type DropCounts = Record<string, number>;

/** `[site, id]` of an event, `[site, session]` of a session. */
export type EventKey = readonly [site: string, eventId: string];
export type SessionKey = readonly [site: string, session: string];

export interface IngestKeys {
  events: EventKey[];
  sessions: SessionKey[];
}

/** A session as ingest needs it before folding new events into it. */
export interface StoredSession {
  site: string;
  session: string;
  isBot: boolean;
  /** JSON text of the scoring evidence (opaque to the driver). */
  evidence: string | null;
  /** `YYYY-MM-DD` days the session was seen on. */
  days: string[];
}

export interface IngestRead {
  /** Of the events asked about, those already stored. */
  storedEvents: EventKey[];
  /** Of the sessions asked about, those already stored. */
  sessions: StoredSession[];
}

/**
 * What one session gained from a group's new events: added to the stored counts, min/max of
 * the times, entry page kept if earlier, exit page if later, context kept if unset.
 */
export interface SessionWrite {
  site: string;
  session: string;
  visitor: string;
  user: string | null;
  firstTs: number;
  lastTs: number;
  pageviews: number;
  events: number;
  entryTs: number | null;
  entryPath: string | null;
  exitTs: number | null;
  exitPath: string | null;
  referrer: string | null;
  userAgent: string | null;
  screen?: string;
  viewport?: string;
  language?: string;
  timezone?: string;
  device?: string;
  country?: string | null;
  browser?: string | null;
  os?: string | null;
  referrerDomain?: string | null;
  channel?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  /** Not stored yet, as far as ingest knows (stored after all: the write fails, see `tryIngestWrite`). */
  isNew?: boolean;
  /** Set when this group scored the session: the scoring evidence (a JSON value, stored as is). */
  evidence?: object;
  botScore?: number;
  isBot?: boolean;
  botReasons?: string[];
}

/** `[site, session, day, visitor, pageviews added, side]`. */
export type SessionDayWrite = readonly [string, string, string, string, number, 0 | 1];

export interface IngestWrites {
  /** Events not stored yet (a stored one is an error: the transaction rolls back). */
  events: EventRow[];
  sessions: SessionWrite[];
  sessionDays: SessionDayWrite[];
  /** `[site, day]` whose report rollups must be rebuilt. */
  staleDays: (readonly [string, string])[];
  /** `[site, day, reason, count]` of events the SDK dropped. */
  drops: (readonly [string, string, string, number])[];
}

export interface SiteRow {
  id: string;
  /** Allowed page origins; `null` accepts any origin. */
  origins: string[] | null;
  createdAt: number;
}

export interface Ordering {
  field: string;
  desc: boolean;
}

export interface ListQuery {
  site: string;
  /** Epoch ms, inclusive. */
  from: number | null;
  /** Epoch ms, exclusive. */
  to: number | null;
  bots: BotFilter;
  limit: number;
  offset: number;
  ordering: Ordering[];
  search: string | null;
  /** Exact-match filters on the fields a list documents. */
  filters: Record<string, string | number | boolean>;
  /**
   * Interactions: exact match on the event's own fields (`metadata__x=100` → `data.x`, or a
   * custom event's `props.x`), compared as text (`true`/`false` as 1/0).
   */
  metadata?: Record<string, string>;
}

export interface ListResult<T> {
  count: number;
  rows: T[];
}

export interface SessionRow extends PageContext {
  session: string;
  site: string;
  visitor: string;
  user: string | null;
  firstSeen: number;
  lastSeen: number;
  pageviews: number;
  events: number;
  entryPath: string | null;
  exitPath: string | null;
  referrer: string | null;
  userAgent: string | null;
  botScore: number;
  isBot: boolean;
  botReasons: string[];
  country: string | null;
  browser: string | null;
  os: string | null;
  referrerDomain: string | null;
  channel: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

export interface PageviewRow {
  id: string;
  session: string;
  ts: number;
  url: string;
  path: string;
  title: string | null;
  referrer: string | null;
  user: string | null;
  isBot: boolean;
}

/** A non-pageview event: click, scroll, engagement, timing, vital, error, custom. */
export interface InteractionRow {
  id: string;
  type: string;
  session: string;
  pv: string | null;
  ts: number;
  url: string;
  path: string;
  name: string | null;
  user: string | null;
  /** The event's own fields (click target, vital value, error message …). */
  data: Record<string, unknown> | null;
  isBot: boolean;
}

export interface TimeRange {
  site: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  bots: BotFilter;
}

export type FieldType = 'string' | 'integer' | 'boolean';

/** Fields each list can be filtered and ordered by, and searched over (API names). */
export interface ListFields {
  filter: Record<string, FieldType>;
  order: readonly string[];
  search: readonly string[];
}

export const SESSION_FIELDS: ListFields = {
  filter: {
    session: 'string',
    user: 'string',
    visitor: 'string',
    entry_path: 'string',
    exit_path: 'string',
    referrer: 'string',
    referrer_domain: 'string',
    channel: 'string',
    utm_source: 'string',
    utm_medium: 'string',
    utm_campaign: 'string',
    country: 'string',
    device: 'string',
    browser: 'string',
    os: 'string',
    language: 'string',
    timezone: 'string',
    screen: 'string',
    viewport: 'string',
    is_bot: 'boolean',
    pageviews: 'integer',
    events: 'integer',
  },
  order: ['first_seen', 'last_seen', 'pageviews', 'events', 'duration'],
  search: ['session', 'user', 'entry_path', 'exit_path', 'referrer'],
};

export const INTERACTION_FIELDS: ListFields = {
  filter: {
    id: 'string',
    url: 'string',
    type: 'string',
    session: 'string',
    pv: 'string',
    path: 'string',
    name: 'string',
    user: 'string',
    is_bot: 'boolean',
  },
  order: ['ts', 'type', 'path'],
  search: ['name', 'path', 'url'],
};

export const PAGEVIEW_FIELDS: ListFields = {
  filter: {
    id: 'string',
    session: 'string',
    path: 'string',
    url: 'string',
    title: 'string',
    referrer: 'string',
    user: 'string',
    is_bot: 'boolean',
  },
  order: ['ts', 'path'],
  search: ['url', 'title', 'referrer'],
};

/**
 * A GROUP BY over one report rollup table (rollups/types.ts `ROLLUP_COLUMNS`) for one site,
 * a set of UTC days, one filter key ('' = none; ignored by tables without filters) and a bot
 * side. Aggregates come back named after their column (`sum`), or `min_<col>`/`max_<col>`.
 */
export interface RollupQuery {
  table: RollupTable;
  site: string;
  /** These UTC days, or every day within inclusive bounds (either may be left open). */
  days: string[] | { from?: string; to?: string };
  filter: string;
  bots: BotFilter;
  groupBy: string[];
  sum?: string[];
  min?: string[];
  max?: string[];
  /**
   * Columns holding a JSON array as text (such as histograms): per group, one JSON array of
   * the rows' arrays, named `list_<col>`, so values SQL cannot add up come back one row per
   * group instead of one per stored row.
   */
  lists?: string[];
  /** `count(DISTINCT col)` of each, named `distinct_<col>` (NULLs are not counted). */
  distinct?: string[];
  /** Named weighted sums of columns, e.g. `{ score: { errors: 3, rage: 2 } }`; orderable. */
  weighted?: Record<string, Record<string, number>>;
  where?: Record<string, string | number | (string | number)[]>;
  /** Rows whose column differs from the value. */
  whereNot?: Record<string, string | number>;
  /** Rows whose `columns` tuple is one of `values`, e.g. `(from_path, to_path)` pairs. */
  whereTuples?: { columns: string[]; values: (string | number)[][] };
  /**
   * With `select`: the `limit` stored rows of each day and bot side with the highest
   * `column` (ties by `ties`, ascending), each with its `day` and `is_bot`; index seeks,
   * not a scan.
   */
  topPerDay?: { column: string; limit: number; ties?: string[] };
  /**
   * Stored rows as they are, these columns of each (instead of grouping: `groupBy` empty, no
   * aggregates), for values SQL cannot add up, such as vitals histograms.
   */
  select?: string[];
  /** Output columns (grouped, aggregated or weighted). */
  orderBy?: { column: string; desc: boolean }[];
  limit?: number;
  /** With `limit`: the top `limit` rows per value of this grouped column. */
  limitPer?: string;
  /**
   * Adds a `section` output column (grouped): the longest prefix `column` starts with (a
   * prefix matches itself and what follows a `/` after it), rows matching none left out.
   */
  sections?: { column: string; prefixes: string[] };
}

export interface TopTransitionsQuery {
  site: string;
  /** The period's days, in order. */
  days: string[];
  bots: BotFilter;
  n: number;
}

export interface TransitionCount {
  from_path: string;
  to_path: string;
  count: number;
}

/** The engagement ranking over `ru_users` (see `Storage.rankUsers`). */
export interface RankUsersQuery {
  site: string;
  /** The period's days, in order: the first one starts it (users seen before are not new). */
  days: string[];
  bots: BotFilter;
  /** `ru_users` counters summed per user and in all. */
  sums: string[];
  /** Points per unit of counter: the score users are ranked by (descending, then by id). */
  weights: Record<string, number>;
  /** Only users whose score is above 0 (they are what every count and total is over). */
  scoredOnly?: boolean;
  /**
   * To count users by status and new users: those last active on or after `activeSince`
   * are active, before it and on or after `atRiskSince` at risk; left out, none of that
   * is computed.
   */
  status?: { activeSince: string; atRiskSince: string };
  limit: number;
}

export interface RankUsersResult {
  users: (Record<string, number> & { user_id: string; min_day: string; max_day: string; score: number })[];
  /** Users active on the days. */
  users_total: number;
  /** With `status` asked for: how many of them are active, at risk, new. */
  status: { active: number; at_risk: number; new_users: number } | null;
  /** Each summed counter over every user. */
  totals: Record<string, number>;
}

/** One funnel step: a pageview of a path, or a custom event of a name. */
export interface FunnelStep {
  kind: 'page' | 'event';
  value: string;
}

export interface FunnelQuery extends TimeRange {
  steps: FunnelStep[];
}

export interface RealtimeQuery {
  site: string;
  bots: BotFilter;
  /** Sessions and visitors active since (epoch ms). */
  liveSince: number;
  /** Per-minute counts since (epoch ms). */
  minutesSince: number;
  limit: number;
}

export interface RealtimeRows {
  visitors: number;
  sides: { isBot: boolean; sessions: number }[];
  sessions: {
    session: string;
    path: string | null;
    lastSeen: number;
    isBot: boolean;
    device: string | null;
    country: string | null;
  }[];
  minutes: { minute: number; pageviews: number; errors: number }[];
}

/** Sessions that carried a user id (in any event), grouped by what they ran on and their side. */
export interface UserSessionGroupRow {
  device: string | null;
  browser: string | null;
  os: string | null;
  isBot: boolean;
  sessions: number;
  events: number;
  pageviews: number;
  firstTs: number;
  lastTs: number;
}

/** Pageviews of the sessions that carried a user id, by path, UTC hour and side. */
export interface UserPageviewGroupRow {
  path: string;
  hour: number;
  isBot: boolean;
  views: number;
}

/** One entry of a user's timeline: a session start or one of its events. */
export interface UserTimelineRow {
  kind: 'session' | 'pageview' | 'click' | 'error' | 'custom';
  ts: number;
  session: string;
  path: string | null;
  name: string | null;
  /** The event's own fields; for a session, what it ran on and how it went. */
  data: Record<string, unknown> | null;
  isBot: boolean;
}

export interface UserActivity {
  sessions: UserSessionGroupRow[];
  pageviews: UserPageviewGroupRow[];
}

export interface ErasedCounts {
  events: number;
  sessions: number;
}

export interface Storage {
  readonly kind: string;
  /** Creates or upgrades the schema; safe to call on every start. */
  migrate(): Promise<void>;
  /** Throws when the store does not answer. */
  ping(): Promise<void>;
  /**
   * One ingest group in one write transaction: reads what `keys` name (which of the events
   * are stored already, the stored state of the sessions), hands that to `fold` (ingest's
   * domain work, synchronous), writes what it returns and commits. Resolves after COMMIT.
   * The driver runs one group at a time and nothing else writes events or sessions between
   * its read and its write.
   */
  ingestGroup(keys: IngestKeys, fold: (read: IngestRead) => IngestWrites): Promise<void>;
  /**
   * The same write without the read, when ingest knows the state it folds from (it is the
   * only writer of events and sessions). Commits and resolves true; resolves false, with
   * nothing written, when one of `writes.events` or of the sessions marked `isNew` is
   * stored already (ingest then reads and folds again with `ingestGroup`).
   */
  tryIngestWrite(writes: IngestWrites): Promise<boolean>;
  close(): Promise<void>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** Sets `key` only if absent; returns the value stored afterwards. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;
  deleteMetaBefore(prefix: string, before: string): Promise<void>;

  ensureSites(ids: string[]): Promise<void>;
  getSite(id: string): Promise<SiteRow | null>;
  listSites(): Promise<SiteRow[]>;

  /** Raw events older than `ts` are deleted; rollups stay. Returns the number deleted. */
  deleteEventsBefore(ts: number): Promise<number>;

  /**
   * Rebuilds the report rollups of every day that ingest (or an erase) marked stale. Reports
   * read rollups only: they are as fresh as the last refresh (jobs/startRollups.ts).
   */
  refreshRollups(options?: RefreshOptions): Promise<RefreshResult>;

  /** Reads report rollups (see `RollupQuery`): one statement. */
  queryRollup<T>(query: RollupQuery): Promise<T[]>;

  /**
   * Sessions that reached each funnel step in order within the period: `[n1, n2, …]`, where a
   * session reaches step k when it has step k after reaching step k-1. One statement.
   */
  countFunnel(query: FunnelQuery): Promise<number[]>;

  /**
   * Identified users active on the days ranked by score, the top `limit` of them, with the
   * counts and totals over all of them. Two statements.
   */
  rankUsers(query: RankUsersQuery): Promise<RankUsersResult>;

  /**
   * The top `n` transitions without a filter (by count, then paths) when one fresh 30-day
   * trailing row set covers the period's days with transitions exactly (one side of bots),
   * from that set; null otherwise (the caller adds up the days). One or two statements.
   */
  topTransitions(query: TopTransitionsQuery): Promise<TransitionCount[] | null>;

  /** Live numbers from raw events and sessions (no rollup): four statements. */
  getRealtime(query: RealtimeQuery): Promise<RealtimeRows>;

  listSessions(query: ListQuery): Promise<ListResult<SessionRow>>;
  /**
   * The session with this client id on `site`; with `site` null, on whichever site has it
   * (at most two rows are returned, enough to tell that the id is ambiguous).
   */
  findSessions(site: string | null, session: string): Promise<SessionRow[]>;
  listPageviews(query: ListQuery): Promise<ListResult<PageviewRow>>;
  listInteractions(query: ListQuery): Promise<ListResult<InteractionRow>>;

  /**
   * What is stored of a user's activity (every side): the sessions that carried the id in
   * any event and their pageviews; null when nothing carries that id on `site`.
   */
  getUserActivity(site: string, user: string): Promise<UserActivity | null>;
  /**
   * The session starts, pageviews, clicks, errors and custom events of the sessions that
   * carried the user id (events before `identify` too), newest first, before `before`
   * (epoch ms, exclusive), at most `limit`.
   */
  listUserTimeline(
    site: string,
    user: string,
    bots: BotFilter,
    limit: number,
    before: number,
  ): Promise<UserTimelineRow[]>;
  /**
   * Erases a user: every session that carried the id (in any event), all their events
   * (those before `identify` too), their day rows, what they added to the per-day totals,
   * and the per-user rollup rows; their days are marked stale for a rollup rebuild.
   */
  eraseUser(site: string, user: string): Promise<ErasedCounts>;
}
