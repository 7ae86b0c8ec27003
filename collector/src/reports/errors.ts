/**
 * Errors: JS errors and unhandled rejections grouped by message and top frame (source,
 * line, column), with occurrences (the SDK's per-page repeat counts summed), affected
 * sessions (session-days) and users (daily distinct users, summed over days like visitors),
 * first/last seen and the pages they happen on most. Two rollup reads (`ru_errors`): the
 * groups, then each listed group's days' occurrences per path (listed by SQL, added up here);
 * `page=P` gives the errors that happened on P.
 */
import { compareSqlValues } from '../lib/sqlOrder.js';
import { resolveScope, rollupBase, scopeHeader, scopeHeaderProperties } from './scope.js';
import type { ErrorsResult } from './answers.js';
export type { ErrorGroup, ErrorsResult } from './answers.js';
import type { Report } from './types.js';

const DEFAULT_DAYS = 30;
const MAX_GROUPS = 200;
const TOP_PATHS = 5;

const errorsResponse = {
  type: 'object',
  properties: {
    ...scopeHeaderProperties,
    totals: {
      type: 'object',
      properties: { occurrences: { type: 'integer' }, groups: { type: 'integer' } },
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          message: { type: 'string' },
          source: { type: ['string', 'null'] },
          line: { type: ['integer', 'null'] },
          col: { type: ['integer', 'null'] },
          occurrences: { type: 'integer' },
          sessions: { type: 'integer' },
          users: { type: 'integer' },
          first_seen: { type: 'string' },
          last_seen: { type: 'string' },
          paths: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

type GroupKey = { kind: string; message: string; source: string; line: number; col: number };
const GROUP = ['kind', 'message', 'source', 'line', 'col'];
const keyOf = (g: GroupKey) => [g.kind, g.message, g.source, g.line, g.col].join('\u0001');

export const errorsReport: Report<ErrorsResult> = {
  name: 'errors',
  response: errorsResponse,
  async run(storage, params) {
    const scope = resolveScope(params, DEFAULT_DAYS);
    const base = { ...rollupBase(scope), table: 'ru_errors' as const };
    const groups = await storage.queryRollup<
      GroupKey & {
        occurrences: number;
        sessions: number;
        users: number;
        min_first_ts: number;
        max_last_ts: number;
      }
    >({
      ...base,
      groupBy: GROUP,
      sum: ['occurrences', 'sessions', 'users'],
      min: ['first_ts'],
      max: ['last_ts'],
      orderBy: [
        { column: 'occurrences', desc: true },
        { column: 'max_last_ts', desc: true },
      ],
      limit: MAX_GROUPS,
    });
    // The listed groups' occurrences per path: each day's list, a row per group.
    const listed =
      groups.length === 0
        ? []
        : await storage.queryRollup<GroupKey & { list_paths: string }>({
            ...base,
            whereTuples: {
              columns: GROUP,
              values: groups.map((g) => [g.kind, g.message, g.source, g.line, g.col]),
            },
            groupBy: GROUP,
            lists: ['paths'],
          });
    const paths = new Map<string, string[]>();
    for (const g of listed) {
      const counts = new Map<string, number>();
      for (const list of JSON.parse(g.list_paths) as (string | number)[][])
        for (let i = 0; i < list.length; i += 2) {
          const path = list[i] as string;
          counts.set(path, (counts.get(path) ?? 0) + (list[i + 1] as number));
        }
      const top = [...counts].sort((a, b) => b[1] - a[1] || compareSqlValues(a[0], b[0])).slice(0, TOP_PATHS);
      paths.set(
        keyOf(g),
        top.map(([path]) => path),
      );
    }
    const errors = groups.map((g) => ({
      kind: g.kind,
      message: g.message,
      source: g.source || null,
      line: g.line < 0 ? null : g.line,
      col: g.col < 0 ? null : g.col,
      occurrences: g.occurrences,
      sessions: g.sessions,
      users: g.users,
      first_seen: new Date(g.min_first_ts).toISOString(),
      last_seen: new Date(g.max_last_ts).toISOString(),
      paths: paths.get(keyOf(g)) ?? [],
    }));
    return {
      ...scopeHeader(scope),
      totals: { occurrences: errors.reduce((n, e) => n + e.occurrences, 0), groups: errors.length },
      errors,
    };
  },
  csv: {
    columns: [
      'kind',
      'message',
      'source',
      'line',
      'col',
      'occurrences',
      'sessions',
      'users',
      'first_seen',
      'last_seen',
      'paths',
    ],
    rows: (result) => result.errors,
  },
};
