/**
 * The JSON answer of every report and of the user profile, declared once for the server
 * (reports/*.ts) and the dashboard (dashboard/client/, compiled under a DOM-only tsconfig).
 * Types only: no runtime import, and nothing that needs node or fastify types.
 */
import type { VitalMetric, VitalRating } from '../rollups/buckets.js';
import type { FilterDimension } from '../rollups/groupSessionDays.js';

export type { VitalMetric, VitalRating };

/**
 * Which sessions a report counts. The same union as `BotFilter` in storage/types.ts, which
 * the client cannot import (it pulls in the rollup and scoring modules).
 */
export type BotFilter = 'exclude' | 'include' | 'only';

/** What every rollup-backed answer starts with (reports/scope.ts `scopeHeader`). */
export interface ScopeHeader {
  site: string;
  from: string;
  to: string;
  bots: BotFilter;
  filters: Partial<Record<FilterDimension, string>>;
  previous: { from: string; to: string } | null;
}

export type SessionsPageviews = { sessions: number; pageviews: number };

/** Session metrics as reports show them (reports/sessionMetrics.ts). */
export interface SessionMetrics {
  visitors: number;
  sessions: number;
  pageviews: number;
  views_per_session: number | null;
  bounce_rate: number | null;
  avg_duration_s: number | null;
  /** Visible-and-focused time per session, seconds. */
  avg_engaged_s: number | null;
}

// overview

export type OverviewBreakdownKey =
  | 'devices'
  | 'browsers'
  | 'os'
  | 'sources'
  | 'channels'
  | 'utm_sources'
  | 'utm_mediums'
  | 'utm_campaigns'
  | 'countries'
  | 'users';

export interface OverviewTotals extends SessionMetrics {
  median_duration_s: number | null;
}

export interface OverviewPoint {
  date: string;
  visitors: number;
  sessions: number;
  pageviews: number;
}

export type OverviewBreakdownRow = { value: string } & SessionMetrics;

export interface WeekHourCell {
  /** 0 is Monday. */
  dow: number;
  hour: number;
  pageviews: number;
  sessions: number;
}

export interface OverviewResult extends ScopeHeader {
  interval: 'day' | 'hour';
  totals: OverviewTotals;
  previous_totals: OverviewTotals | null;
  change: Record<'visitors' | 'sessions' | 'pageviews', number | null> | null;
  series: OverviewPoint[];
  previous_series: OverviewPoint[] | null;
  /** 7 × 24 cells, Monday first, UTC. */
  heatmap: WeekHourCell[];
  breakdowns: Record<OverviewBreakdownKey, OverviewBreakdownRow[]>;
  bot_split: { human: SessionsPageviews; bot: SessionsPageviews };
}

// pages

export interface PageRow {
  path: string;
  views: number;
  visitors: number;
  entries: number;
  exit_rate: number | null;
  avg_engaged_s: number | null;
  avg_scroll_pct: number | null;
  avg_load_ms: number | null;
}

export interface PageSection {
  section: string;
  days: { date: string; views: number }[];
  views: number;
}

export interface UnusedPage {
  path: string;
  views: number;
  lookback_views: number;
  last_seen: string;
}

export interface PagesResult extends ScopeHeader {
  pages: PageRow[];
  sections: PageSection[];
  unused: UnusedPage[];
}

// paths

export interface PathsResult extends ScopeHeader {
  entry_pages: { path: string; entries: number; views: number }[];
  exit_pages: { path: string; exits: number; views: number; exit_rate: number | null }[];
  drop_off: { path: string; exits: number; views: number; exit_rate: number | null }[];
  transitions: { from: string; to: string; count: number }[];
  session_lengths: { pages: string; sessions: number; share: number | null }[];
  funnel: { step: string; sessions: number; conversion: number | null; drop: number | null }[] | null;
}

// events

export interface EventsResult extends ScopeHeader {
  events: { type: string; name: string; count: number; sessions: number }[];
  daily: { date: string; type: string; name: string; count: number }[];
  props: { type: string; name: string; key: string; value: string; count: number }[];
}

// vitals

export interface VitalSummary {
  metric: VitalMetric;
  p75: number | null;
  rating: VitalRating | null;
  samples: number;
  good: number | null;
  needs_improvement: number | null;
  poor: number | null;
  thresholds: readonly [number, number];
}

export interface VitalsResult extends ScopeHeader {
  overall: VitalSummary[];
  pages: { path: string; samples: number; metrics: VitalSummary[] }[];
}

// engagement

export type UserStatus = 'active' | 'at_risk' | 'dormant';

/** A user's (or all users', or one day's) engagement counters and score (reports/userScores.ts). */
export interface EngagementFigures {
  score: number;
  sessions: number;
  pageviews: number;
  clicks: number;
  engaged_s: number;
  custom_events: number;
}

export interface EngagementUser extends EngagementFigures {
  user: string;
  first_seen: string;
  last_seen: string;
  days_since_last_seen: number;
  status: UserStatus;
  new: boolean;
  score_last_7d: number;
  score_previous_7d: number;
  wow_change: number | null;
  sparkline: number[];
}

export interface EngagementResult extends ScopeHeader {
  filter_applies_to: string[];
  totals: EngagementFigures & { users: number; new_users: number };
  status: Record<UserStatus, number>;
  users: EngagementUser[];
}

// problems

/**
 * Problem counters of a user, session, page or day (reports/userScores.ts weighs them). A
 * type, not an interface: rollup rows built on it must stay indexable by string.
 */
export type ProblemCounts = {
  errors: number;
  rage: number;
  dead: number;
  slow: number;
};

export type ProblemScored = ProblemCounts & { score: number };

export interface ProblemsResult extends ScopeHeader {
  filter_applies_to: string[];
  totals: ProblemScored & { pageviews: number; sessions_affected: number; users_affected: number };
  users: (ProblemScored & { user: string; sessions: number })[];
  sessions: (ProblemScored & { session: string; user: string | null; first_day: string; last_day: string })[];
  pages: (ProblemScored & { path: string; views: number })[];
}

// bots

export interface BotsResult extends ScopeHeader {
  totals: { human: SessionsPageviews; bot: SessionsPageviews; bot_share: number | null };
  series: { date: string; human: SessionsPageviews; bot: SessionsPageviews }[];
  reasons: { reason: string; family: string; sessions: number; pageviews: number }[];
  user_agents: { user_agent: string; sessions: number; pageviews: number }[];
}

// errors

/** A type, not an interface: CSV rows are built from it as `Record<string, unknown>`. */
export type ErrorGroup = {
  kind: string;
  message: string;
  source: string | null;
  line: number | null;
  col: number | null;
  occurrences: number;
  sessions: number;
  users: number;
  first_seen: string;
  last_seen: string;
  /** Up to 5 paths where it happened, most frequent first. */
  paths: string[];
};

export interface ErrorsResult extends ScopeHeader {
  totals: { occurrences: number; groups: number };
  errors: ErrorGroup[];
}

// realtime

export interface RealtimeResult {
  site: string;
  bots: BotFilter;
  now: string;
  visitors: number;
  live_sessions: { human: number; bot: number; bot_ratio: number | null };
  sessions: {
    session: string;
    path: string | null;
    last_seen: string;
    is_bot: boolean;
    device: string | null;
    country: string | null;
  }[];
  per_minute: { minute: string; pageviews: number; errors: number }[];
  error_rate: number | null;
}

/** What the realtime stream sends: the report without `now` (sent only on a change). */
export type RealtimeStreamMessage = Omit<RealtimeResult, 'now'>;

// user profile (routes/users.ts, reports/userProfile.ts)

export interface UserProfileDay extends EngagementFigures, ProblemCounts {
  date: string;
  problem_score: number;
}

export interface UserTimelineItem {
  kind: 'session' | 'pageview' | 'click' | 'error' | 'custom';
  ts: string;
  session: string;
  path: string | null;
  name: string | null;
  /** The event's own fields; for a session, what it ran on and how it went. */
  data: Record<string, unknown> | null;
  is_bot: boolean;
}

export interface UserProfile {
  site: string;
  user: string;
  bots: BotFilter;
  first_seen: string | null;
  last_seen: string | null;
  sessions: number;
  pageviews: number;
  events: number;
  devices: { value: string; sessions: number }[];
  browsers: { value: string; sessions: number }[];
  os: { value: string; sessions: number }[];
  favourite_pages: { path: string; views: number }[];
  hours: { hour: number; pageviews: number }[];
  trend: UserProfileDay[];
  problem_sessions: (ProblemScored & { date: string; session: string })[];
  timeline: UserTimelineItem[];
  next_before: string | null;
}
