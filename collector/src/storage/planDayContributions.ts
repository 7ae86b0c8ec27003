/**
 * Driver-neutral: what an ingest group changes in the per-day tables, given the touched
 * sessions' day rows as stored and their verdicts before and after. Pure; the driver writes
 * the result in three set-based statements (session days, visitor days, rollup).
 *
 * - `session_days` (site, session, day, visitor) holds a session's pageviews per day and its
 *   side (`is_bot`). A session counts once per day on its side.
 * - `visitor_days` (site, day, visitor, side) counts that visitor's session-days on a side; the
 *   visitor counts on that side while it is above 0 (`countVisitorTransitions`).
 * - A session whose verdict flips moves every stored day row to the other side: its
 *   pageviews, its session count per day, and one session of each visitor-day.
 * New events are counted on the side of the session's verdict after this group.
 */
import { utcDay } from '../lib/time.js';
import type { EventRow } from './types.js';

export type Side = 0 | 1;

export interface SessionDayRow {
  site: string;
  session: string;
  day: string;
  visitor: string;
  pageviews: number;
  isBot: Side;
}

/** `[site, session, day, visitor, pageviews to add, side]`, upserted. */
export type SessionDayWrite = [string, string, string, string, number, Side];

export interface DayContributions {
  sessionDays: SessionDayWrite[];
  /** `site\0day\0visitor\0side` → sessions to add (never 0). */
  visitorDeltas: Map<string, number>;
  /** `site\0day\0side` → [pageviews, sessions, visitors] to add (visitors after `countVisitorTransitions`). */
  rollup: Map<string, [number, number, number]>;
}

const key = (...parts: (string | number)[]): string => parts.join('\u0000');

function add(into: Map<string, number>, k: string, n: number): void {
  const v = (into.get(k) ?? 0) + n;
  if (v === 0) into.delete(k);
  else into.set(k, v);
}

function addRollup(
  plan: DayContributions,
  site: string,
  day: string,
  side: Side,
  slot: 0 | 1 | 2,
  n: number,
) {
  const k = key(site, day, side);
  const totals = plan.rollup.get(k) ?? [0, 0, 0];
  totals[slot] += n;
  plan.rollup.set(k, totals);
}

/** `sides` maps `site\0session` of the touched sessions to their side after this group (default 0). */
export function planDayContributions(
  stored: readonly EventRow[],
  existing: readonly SessionDayRow[],
  sides: ReadonlyMap<string, Side>,
): DayContributions {
  const plan: DayContributions = { sessionDays: [], visitorDeltas: new Map(), rollup: new Map() };
  const writes = new Map<string, SessionDayWrite>();
  const knownRows = new Set<string>();
  const knownDays = new Set<string>();
  const sideOf = (site: string, session: string): Side => sides.get(key(site, session)) ?? 0;

  // Flipped sessions: move what each stored day row counted to the other side.
  const movedDays = new Set<string>();
  for (const r of existing) {
    const rowKey = key(r.site, r.session, r.day, r.visitor);
    knownRows.add(rowKey);
    knownDays.add(key(r.site, r.session, r.day));
    const after = sideOf(r.site, r.session);
    if (after === r.isBot) continue;
    writes.set(rowKey, [r.site, r.session, r.day, r.visitor, 0, after]);
    addRollup(plan, r.site, r.day, r.isBot, 0, -r.pageviews);
    addRollup(plan, r.site, r.day, after, 0, r.pageviews);
    add(plan.visitorDeltas, key(r.site, r.day, r.visitor, r.isBot), -1);
    add(plan.visitorDeltas, key(r.site, r.day, r.visitor, after), 1);
    const dayKey = key(r.site, r.session, r.day);
    if (!movedDays.has(dayKey)) {
      movedDays.add(dayKey);
      addRollup(plan, r.site, r.day, r.isBot, 1, -1);
      addRollup(plan, r.site, r.day, after, 1, 1);
    }
  }

  // New events: counted on the session's side after this group.
  for (const e of stored) {
    const day = utcDay(e.ts);
    const side = sideOf(e.site, e.session);
    const rowKey = key(e.site, e.session, day, e.visitor);
    const pageviews = e.type === 'pageview' ? 1 : 0;
    const write = writes.get(rowKey) ?? [e.site, e.session, day, e.visitor, 0, side];
    write[4] += pageviews;
    writes.set(rowKey, write);
    addRollup(plan, e.site, day, side, 0, pageviews);
    if (knownRows.has(rowKey)) continue;
    knownRows.add(rowKey);
    add(plan.visitorDeltas, key(e.site, day, e.visitor, side), 1);
    const dayKey = key(e.site, e.session, day);
    if (knownDays.has(dayKey)) continue;
    knownDays.add(dayKey);
    addRollup(plan, e.site, day, side, 1, 1);
  }
  plan.sessionDays = [...writes.values()];
  return plan;
}

/**
 * Adds to the rollup the visitors that the visitor-day upsert counted (0 → above) or
 * uncounted (above → 0), from the counts it returned after adding `visitorDeltas`.
 */
export function countVisitorTransitions(
  plan: DayContributions,
  after: readonly { site: string; day: string; visitor: string; isBot: Side; sessions: number }[],
): void {
  for (const r of after) {
    const delta = plan.visitorDeltas.get(key(r.site, r.day, r.visitor, r.isBot)) ?? 0;
    const before = r.sessions - delta;
    if (before <= 0 && r.sessions > 0) addRollup(plan, r.site, r.day, r.isBot, 2, 1);
    else if (before > 0 && r.sessions <= 0) addRollup(plan, r.site, r.day, r.isBot, 2, -1);
  }
}

/** Rollup deltas as `[site, day, side, pageviews, sessions, visitors]`, zero rows left out. */
export function rollupRows(plan: DayContributions): [string, string, number, number, number, number][] {
  return [...plan.rollup]
    .filter(([, t]) => t.some((n) => n !== 0))
    .map(([k, t]) => {
      const [site = '', day = '', side = '0'] = k.split('\u0000');
      return [site, day, Number(side), ...t];
    });
}

/** Visitor deltas as `[site, day, visitor, side, sessions]`. */
export function visitorDeltaRows(plan: DayContributions): [string, string, string, number, number][] {
  return [...plan.visitorDeltas].map(([k, n]) => {
    const [site = '', day = '', visitor = '', side = '0'] = k.split('\u0000');
    return [site, day, visitor, Number(side), n];
  });
}
