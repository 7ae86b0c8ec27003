/**
 * A day's events grouped by session, in time order, with what every report needs of each
 * session-day: its pageviews, visitors and the filters it answers to.
 */
import type { EventFact, SessionFact } from './types.js';

export interface SessionDay {
  fact: SessionFact;
  events: EventFact[];
  pageviews: EventFact[];
  visitors: string[];
  /** The filter keys this session-day matches: '' (no filter) first. */
  filters: string[];
}

/** The one-dimension filters reports take, as stored in the rollups' `f` column. */
export const FILTER_DIMENSIONS = ['page', 'referrer', 'device', 'country', 'user'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export const filterKey = (dimension: FilterDimension, value: string): string => `${dimension}=${value}`;

export function loggedIn(fact: SessionFact): string {
  return fact.user ? 'logged_in' : 'anonymous';
}

function filtersOf(fact: SessionFact, pageviews: EventFact[]): string[] {
  const filters = ['', filterKey('user', loggedIn(fact))];
  if (fact.device) filters.push(filterKey('device', fact.device));
  if (fact.country) filters.push(filterKey('country', fact.country));
  if (fact.referrerDomain) filters.push(filterKey('referrer', fact.referrerDomain));
  for (const path of new Set(pageviews.map((p) => p.path))) filters.push(filterKey('page', path));
  return filters;
}

/** `events` must be in time order. Events of a session without a fact are skipped. */
export function groupSessionDays(
  sessions: readonly SessionFact[],
  events: readonly EventFact[],
): SessionDay[] {
  const facts = new Map(sessions.map((s) => [s.session, s]));
  const days = new Map<string, SessionDay>();
  for (const event of events) {
    let day = days.get(event.session);
    if (!day) {
      const fact = facts.get(event.session);
      if (!fact) continue;
      day = { fact, events: [], pageviews: [], visitors: [], filters: [] };
      days.set(event.session, day);
    }
    day.events.push(event);
    if (event.type === 'pageview') day.pageviews.push(event);
    if (!day.visitors.includes(event.visitor)) day.visitors.push(event.visitor);
  }
  for (const day of days.values()) day.filters = filtersOf(day.fact, day.pageviews);
  return [...days.values()];
}
