/** Query-string and response pieces shared by every report and record route. */
import { ISO_DATE_OR_DATETIME } from '../lib/period.js';

export const siteQuery = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const dateQuery = { type: 'string', pattern: ISO_DATE_OR_DATETIME } as const;
export const botsQuery = { enum: ['exclude', 'include', 'only'] } as const;
export const formatQuery = { enum: ['json', 'csv'], default: 'json' } as const;

export const periodQueryProperties = {
  site: siteQuery,
  from: dateQuery,
  to: dateQuery,
  format: formatQuery,
} as const;

export const errorResponse = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  503: errorResponse,
} as const;
