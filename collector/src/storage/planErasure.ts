/**
 * Driver-neutral: what erasing some sessions takes off the per-day tables, the opposite of
 * what ingest added (planDayContributions.ts). Each `session_days` row (session, day,
 * visitor) counted one session-day of that visitor and its pageviews on its side; each
 * (session, day) counted one session. The driver applies the result with the ingest upserts,
 * and `countVisitorTransitions` uncounts the visitors whose count falls to 0.
 */
import type { DayContributions, SessionDayRow } from './planDayContributions.js';

const key = (...parts: (string | number)[]): string => parts.join('\u0000');

export function planErasure(rows: readonly SessionDayRow[]): DayContributions {
  const plan: DayContributions = { sessionDays: [], visitorDeltas: new Map(), rollup: new Map() };
  const sessionDays = new Set<string>();
  for (const r of rows) {
    const visitor = key(r.site, r.day, r.visitor, r.isBot);
    plan.visitorDeltas.set(visitor, (plan.visitorDeltas.get(visitor) ?? 0) - 1);
    const day = key(r.site, r.day, r.isBot);
    const totals = plan.rollup.get(day) ?? [0, 0, 0];
    totals[0] -= r.pageviews;
    if (!sessionDays.has(key(r.site, r.session, r.day))) {
      sessionDays.add(key(r.site, r.session, r.day));
      totals[1] -= 1;
    }
    plan.rollup.set(day, totals);
  }
  return plan;
}
