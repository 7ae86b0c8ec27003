/**
 * Errors: JS errors and unhandled rejections grouped by message and top frame (source,
 * line, column), with occurrences (the SDK's per-page repeat counts summed), affected
 * sessions and users, first/last seen and the pages they happen on. One storage call.
 */
import { parsePeriod } from '../lib/period.js';
import { parseFilter } from './scope.js';
import type { ErrorGroupRow } from '../storage/types.js';
import { reportHeaderProperties, type Report, type ReportParams } from './types.js';

const DEFAULT_DAYS = 30;
const MAX_GROUPS = 200;

export interface ErrorsResult {
  site: string;
  from: string;
  to: string;
  bots: ReportParams['bots'];
  totals: { occurrences: number; groups: number };
  errors: (Omit<ErrorGroupRow, 'firstSeen' | 'lastSeen'> & { first_seen: string; last_seen: string })[];
}

const errorsResponse = {
  type: 'object',
  properties: {
    ...reportHeaderProperties,
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

export const errorsReport: Report<ErrorsResult> = {
  name: 'errors',
  response: errorsResponse,
  async run(storage, params) {
    const period = parsePeriod(params.from, params.to, DEFAULT_DAYS);
    const filter = parseFilter(params);
    const groups = await storage.listErrorGroups(
      { site: params.site, ...period, bots: params.bots, filter },
      MAX_GROUPS,
    );
    const errors = groups.map(({ firstSeen, lastSeen, ...g }) => ({
      ...g,
      first_seen: new Date(firstSeen).toISOString(),
      last_seen: new Date(lastSeen).toISOString(),
    }));
    return {
      site: params.site,
      from: new Date(period.from).toISOString(),
      to: new Date(period.to).toISOString(),
      bots: params.bots,
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
