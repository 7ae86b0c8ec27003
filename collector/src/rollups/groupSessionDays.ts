/**
 * A day's events grouped by session, in time order, with what every report needs of each
 * session-day: its pageviews, visitors and the session filters it answers to.
 */
import type { EventFact, SessionFact } from './types.js';

export interface SessionDay {
  fact: SessionFact;
  events: EventFact[];
  pageviews: EventFact[];
  visitors: string[];
  /** Filters on session attributes this session-day matches: '' (no filter) first. */
  sessionFilters: string[];
}

/** The one-dimension filters reports take, as stored in the rollups' `f` column. */
export const FILTER_DIMENSIONS = ['page', 'referrer', 'device', 'country', 'user'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export const filterKey = (dimension: FilterDimension, value: string): string => `${dimension}=${value}`;

export function loggedIn(fact: SessionFact): string {
  return fact.user ? 'logged_in' : 'anonymous';
}

function sessionFiltersOf(fact: SessionFact): string[] {
  const filters = ['', filterKey('user', loggedIn(fact))];
  if (fact.device) filters.push(filterKey('device', fact.device));
  if (fact.country) filters.push(filterKey('country', fact.country));
  if (fact.referrerDomain) filters.push(filterKey('referrer', fact.referrerDomain));
  return filters;
}

/** `events` must be in time order. Events of a session without a fact are skipped. */
export function groupSessionDays(
  sessions: readonly SessionFact[],
  events: readonly EventFact[],
): SessionDay[] {
  const facts = new Map(sessions.map((s) => [s.session, s]));
  const days = new Map<string, SessionDay>();
  const visitors = new Map<SessionDay, Set<string>>();
  for (const event of events) {
    let day = days.get(event.session);
    if (!day) {
      const fact = facts.get(event.session);
      if (!fact) continue;
      day = { fact, events: [], pageviews: [], visitors: [], sessionFilters: [] };
      days.set(event.session, day);
      visitors.set(day, new Set());
    }
    day.events.push(event);
    if (event.type === 'pageview') day.pageviews.push(event);
    visitors.get(day)!.add(event.visitor);
  }
  for (const day of days.values()) {
    day.visitors = [...visitors.get(day)!];
    day.sessionFilters = sessionFiltersOf(day.fact);
  }
  return [...days.values()];
}
