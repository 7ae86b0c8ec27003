/**
 * Events: counts of every interaction type (click, scroll, engagement, timing, vital, error)
 * and custom event name per day and in all, with the sessions that sent them, and the most
 * frequent property values (custom event props; a click's kind: link, outbound, download …).
 * Three rollup reads.
 */
import { int, list, str } from './jsonSchema.js';
import { resolveScope, rollupBase, scopeHeader, scopeHeaderProperties } from './scope.js';
import type { EventsResult } from './answers.js';
export type { EventsResult } from './answers.js';
import type { Report } from './types.js';

export const EVENTS_DEFAULT_DAYS = 30;
export const TOP_PROPS = 200;

type Row = {
  day?: string;
  type: string;
  name: string;
  k?: string;
  v?: string;
  count: number;
  sessions: number;
};

export const eventsReport: Report<EventsResult> = {
  name: 'events',
  response: {
    type: 'object',
    properties: {
      ...scopeHeaderProperties,
      events: list({ type: str, name: str, count: int, sessions: int }),
      daily: list({ date: str, type: str, name: str, count: int }),
      props: list({ type: str, name: str, key: str, value: str, count: int }),
    },
  },
  async run(storage, params) {
    const scope = resolveScope(params, EVENTS_DEFAULT_DAYS);
    const base = { ...rollupBase(scope), table: 'ru_events' as const };
    const [totals, daily, props] = await Promise.all([
      storage.queryRollup<Row>({
        ...base,
        where: { k: '' },
        groupBy: ['type', 'name'],
        sum: ['count', 'sessions'],
        orderBy: [
          { column: 'count', desc: true },
          { column: 'type', desc: false },
          { column: 'name', desc: false },
        ],
      }),
      storage.queryRollup<Row>({
        ...base,
        where: { k: '' },
        groupBy: ['day', 'type', 'name'],
        sum: ['count'],
        orderBy: [
          { column: 'day', desc: false },
          { column: 'type', desc: false },
          { column: 'name', desc: false },
        ],
      }),
      storage.queryRollup<Row>({
        ...base,
        whereNot: { k: '' },
        groupBy: ['type', 'name', 'k', 'v'],
        sum: ['count'],
        orderBy: [
          { column: 'count', desc: true },
          { column: 'k', desc: false },
          { column: 'v', desc: false },
        ],
        limit: TOP_PROPS,
      }),
    ]);
    return {
      ...scopeHeader(scope),
      events: totals.map((r) => ({ type: r.type, name: r.name, count: r.count, sessions: r.sessions })),
      daily: daily.map((r) => ({ date: r.day!, type: r.type, name: r.name, count: r.count })),
      props: props.map((r) => ({ type: r.type, name: r.name, key: r.k!, value: r.v!, count: r.count })),
    };
  },
  csv: {
    columns: ['date', 'type', 'name', 'count'],
    rows: (result) => result.daily,
  },
};
