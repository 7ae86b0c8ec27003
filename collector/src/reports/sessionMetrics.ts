/** Session metrics as reports show them, from summed `ru_sessions` counters. */
import { percentileOf } from '../rollups/buckets.js';
import { ROLLUP_COLUMNS } from '../rollups/types.js';
import { ratio } from './scope.js';
import type { SessionMetrics } from './answers.js';

export type { SessionMetrics };

export interface SessionSums {
  visitors: number;
  sessions: number;
  pageviews: number;
  bounces: number;
  duration_ms: number;
  engaged_ms: number;
}

export const SESSION_SUMS = [
  'visitors',
  'sessions',
  'pageviews',
  'bounces',
  'duration_ms',
  'engaged_ms',
] as const;

const seconds = (ms: number, n: number): number | null => (n > 0 ? Math.round(ms / n / 100) / 10 : null);

export function sessionMetrics(s: SessionSums): SessionMetrics {
  return {
    visitors: s.visitors,
    sessions: s.sessions,
    pageviews: s.pageviews,
    views_per_session: s.sessions > 0 ? Math.round((s.pageviews / s.sessions) * 100) / 100 : null,
    bounce_rate: ratio(s.bounces, s.sessions),
    avg_duration_s: seconds(s.duration_ms, s.sessions),
    avg_engaged_s: seconds(s.engaged_ms, s.sessions),
  };
}

export function sumSessions(rows: readonly SessionSums[]): SessionSums {
  const total: SessionSums = {
    visitors: 0,
    sessions: 0,
    pageviews: 0,
    bounces: 0,
    duration_ms: 0,
    engaged_ms: 0,
  };
  for (const r of rows) for (const k of SESSION_SUMS) total[k] += r[k];
  return total;
}

/** Median session duration (seconds, to the resolution of `durationBucket`). */
export function medianDuration(rows: readonly { seconds: number; sessions: number }[]): number | null {
  const sorted = [...rows].sort((a, b) => a.seconds - b.seconds);
  return percentileOf(sorted, (r) => r.sessions, 0.5)?.seconds ?? null;
}

export const sessionMetricsProperties = {
  visitors: { type: 'integer' },
  sessions: { type: 'integer' },
  pageviews: { type: 'integer' },
  views_per_session: { type: ['number', 'null'] },
  bounce_rate: { type: ['number', 'null'] },
  avg_duration_s: { type: ['number', 'null'] },
  avg_engaged_s: { type: ['number', 'null'] },
} as const;
