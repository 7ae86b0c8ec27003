/**
 * Per-user and per-problem counts recomputed the slow way from the generated raw events,
 * for the engagement and problems property tests. Follows the definitions documented in
 * rollups/aggregateDay.ts and reports/userScores.ts; shares no code with them.
 */
import type { StoredSession } from './bruteForce.js';
import { DAYS_AGO, type GenEvent } from './trafficArbitrary.js';
import { utcDate } from '../../utils/utcDays.js';

export interface Counts {
  sessions: number;
  pageviews: number;
  clicks: number;
  engaged: number;
  custom: number;
  errors: number;
  rage: number;
  dead: number;
  slow: number;
}

export const noCounts = (): Counts => ({
  sessions: 0,
  pageviews: 0,
  clicks: 0,
  engaged: 0,
  custom: 0,
  errors: 0,
  rage: 0,
  dead: 0,
  slow: 0,
});

/** What one event adds, per the generator's data (trafficArbitrary `dataOf`). */
export function countEvent(into: Counts, e: GenEvent): void {
  if (e.type === 'pageview') into.pageviews += 1;
  if (e.type === 'click') {
    into.clicks += 1;
    if (e.value % 3 === 0) into.rage += 1;
    if (e.value % 5 === 0) into.dead += 1;
  }
  if (e.type === 'engagement') into.engaged += e.value;
  if (e.type === 'custom') into.custom += 1;
  if (e.type === 'error') into.errors += 1 + (e.value % 3);
  if (e.type === 'timing' && e.value > 3000) into.slow += 1;
}

export function addCounts(into: Counts, c: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += c[k];
}

export const engagementOf = (c: Counts): number =>
  3 * c.sessions + c.pageviews + 0.5 * c.clicks + c.engaged / 60_000 + 2 * c.custom;

export const problemOf = (c: Counts): number => 3 * c.errors + 2 * c.rage + c.dead + 2 * c.slow;

export type Side = 'exclude' | 'include' | 'only';

export const onSide = (s: StoredSession, bots: Side): boolean =>
  bots === 'include' || (bots === 'only') === s.isBot;

/** One session's events of one UTC day, counted (the session counts once that day). */
export interface SessionDayCounts {
  s: StoredSession;
  day: string;
  events: GenEvent[];
  counts: Counts;
}

/** Every session-day on the side, with its counts; `days` limits them when given. */
export function sessionDayCounts(
  sessions: readonly StoredSession[],
  bots: Side,
  now: number,
  days?: ReadonlySet<string>,
): SessionDayCounts[] {
  const out: SessionDayCounts[] = [];
  for (const s of sessions) {
    if (!onSide(s, bots)) continue;
    const byDay = new Map<string, GenEvent[]>();
    for (const e of s.events) {
      const day = utcDate(DAYS_AGO[e.day]!, now);
      if (days && !days.has(day)) continue;
      byDay.set(day, [...(byDay.get(day) ?? []), e]);
    }
    for (const [day, events] of byDay) {
      const counts = noCounts();
      counts.sessions = 1;
      for (const e of events) countEvent(counts, e);
      out.push({ s, day, events, counts });
    }
  }
  return out;
}

/** Sums of session-day counts by a key (null keys are skipped). */
export function sumBy(
  rows: readonly SessionDayCounts[],
  keyOf: (r: SessionDayCounts) => string | null,
): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const c = out.get(k) ?? noCounts();
    addCounts(c, r.counts);
    out.set(k, c);
  }
  return out;
}
