/** The paged list shape of the records API, and its query string. */
import type { ListFields } from '../storage/types.js';
import { botsQuery, periodQueryProperties } from './common.js';

export const MAX_PAGE_SIZE = 1000;

/** `metadata__<key>` filters (interactions): the event's own fields and custom props. */
export const METADATA_FILTER = '^metadata__[A-Za-z0-9_]{1,64}$';

export function listQuerySchema(fields: ListFields, metadata = false) {
  const orderings = fields.order.flatMap((f) => [f, `-${f}`]);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['site'],
    ...(metadata ? { patternProperties: { [METADATA_FILTER]: { type: 'string', maxLength: 2048 } } } : {}),
    properties: {
      ...periodQueryProperties,
      bots: { ...botsQuery, default: 'include' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 },
      offset: { type: 'integer', minimum: 0, default: 0 },
      ordering: { type: 'string', pattern: `^(${orderings.join('|')})(,(${orderings.join('|')}))*$` },
      search: { type: 'string', minLength: 1, maxLength: 200 },
      ...Object.fromEntries(
        Object.entries(fields.filter).map(([f, type]) => [
          f,
          type === 'string' ? { type, maxLength: 2048 } : { type },
        ]),
      ),
    },
  } as const;
}

export function pagedResponse(item: object) {
  return {
    type: 'object',
    required: ['count', 'next', 'previous', 'results'],
    properties: {
      count: { type: 'integer' },
      next: { type: ['string', 'null'] },
      previous: { type: ['string', 'null'] },
      results: { type: 'array', items: item },
    },
  } as const;
}

export const sessionItem = {
  type: 'object',
  properties: {
    session: { type: 'string' },
    site: { type: 'string' },
    visitor: { type: 'string' },
    user: { type: ['string', 'null'] },
    first_seen: { type: 'string' },
    last_seen: { type: 'string' },
    duration_s: { type: 'number' },
    pageviews: { type: 'integer' },
    events: { type: 'integer' },
    entry_path: { type: ['string', 'null'] },
    exit_path: { type: ['string', 'null'] },
    referrer: { type: ['string', 'null'] },
    user_agent: { type: ['string', 'null'] },
    bot_score: { type: 'number' },
    is_bot: { type: 'boolean' },
    bot_reasons: { type: 'array', items: { type: 'string' } },
    screen: { type: ['string', 'null'] },
    viewport: { type: ['string', 'null'] },
    language: { type: ['string', 'null'] },
    timezone: { type: ['string', 'null'] },
    device: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    browser: { type: ['string', 'null'] },
    os: { type: ['string', 'null'] },
    referrer_domain: { type: ['string', 'null'] },
    channel: { type: ['string', 'null'] },
    utm_source: { type: ['string', 'null'] },
    utm_medium: { type: ['string', 'null'] },
    utm_campaign: { type: ['string', 'null'] },
  },
} as const;

export const pageviewItem = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    session: { type: 'string' },
    ts: { type: 'string' },
    url: { type: 'string' },
    path: { type: 'string' },
    title: { type: ['string', 'null'] },
    referrer: { type: ['string', 'null'] },
    user: { type: ['string', 'null'] },
    is_bot: { type: 'boolean' },
  },
} as const;

export const interactionItem = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    type: { type: 'string' },
    session: { type: 'string' },
    pv: { type: ['string', 'null'] },
    ts: { type: 'string' },
    url: { type: 'string' },
    path: { type: 'string' },
    name: { type: ['string', 'null'] },
    user: { type: ['string', 'null'] },
    data: { type: ['object', 'null'], additionalProperties: true },
    is_bot: { type: 'boolean' },
  },
} as const;
