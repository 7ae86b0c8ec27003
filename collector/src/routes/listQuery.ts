/** Query string of a records route → storage `ListQuery`, and DRF-style paging links. */
import type { FastifyRequest } from 'fastify';
import type { BotFilter, ListFields, ListQuery } from '../storage/types.js';
import { MAX_PERIOD_DAYS, parsePeriod } from '../lib/period.js';

export interface ListQueryString {
  site: string;
  from?: string;
  to?: string;
  bots: BotFilter;
  limit: number;
  offset: number;
  ordering?: string;
  search?: string;
  format: 'json' | 'csv';
  [filter: string]: unknown;
}

export function toListQuery(q: ListQueryString, fields: ListFields): ListQuery {
  // Lists are unbounded in time unless asked: records are looked up, not summarised.
  const period = q.from || q.to ? parsePeriod(q.from, q.to, MAX_PERIOD_DAYS) : null;
  const filters: ListQuery['filters'] = {};
  for (const field of Object.keys(fields.filter)) {
    const value = q[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      filters[field] = value;
    }
  }
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(q)) {
    if (key.startsWith('metadata__') && typeof value === 'string')
      metadata[key.slice('metadata__'.length)] = value;
  }
  return {
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    site: q.site,
    from: period?.from ?? null,
    to: period?.to ?? null,
    bots: q.bots,
    limit: q.limit,
    offset: q.offset,
    ordering: (q.ordering ?? '')
      .split(',')
      .filter(Boolean)
      .map((o) => ({ field: o.replace(/^-/, ''), desc: o.startsWith('-') })),
    search: q.search ?? null,
    filters,
  };
}

function linkTo(request: FastifyRequest, offset: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set('offset', String(offset));
  return url.href;
}

export function pageLinks(request: FastifyRequest, count: number, q: ListQuery) {
  const nextOffset = q.offset + q.limit;
  return {
    next: nextOffset < count ? linkTo(request, nextOffset) : null,
    previous: q.offset > 0 ? linkTo(request, Math.max(0, q.offset - q.limit)) : null,
  };
}
