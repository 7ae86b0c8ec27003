/** JSON Schema of the problems answer (serialises it, and documents it). */
import { scopeHeaderProperties } from './scope.js';

const integer = { type: 'integer' } as const;

const counts = {
  errors: { ...integer, description: 'JS errors and unhandled rejections (repeats the SDK folded counted)' },
  rage: { ...integer, description: 'rage clicks' },
  dead: { ...integer, description: 'dead clicks (nothing happened)' },
  slow: { ...integer, description: 'page loads over 3 s' },
  score: { type: 'number', description: '3·errors + 2·rage + dead + 2·slow' },
} as const;

const list = (description: string, properties: object) =>
  ({
    type: 'array',
    description,
    items: { type: 'object', properties: { ...properties, ...counts } },
  }) as const;

export const problemsResponse = {
  type: 'object',
  properties: {
    ...scopeHeaderProperties,
    filter_applies_to: {
      type: 'array',
      items: { type: 'string' },
      description: 'the parts a filter restricts: totals and pages (users and sessions are never filtered)',
    },
    totals: {
      type: 'object',
      properties: {
        ...counts,
        pageviews: integer,
        sessions_affected: { ...integer, description: 'sessions with a problem (unfiltered)' },
        users_affected: { ...integer, description: 'identified users with a problem (unfiltered)' },
      },
    },
    users: list('worst 20 identified users by score', {
      user: { type: 'string' },
      sessions: { ...integer, description: 'session-days in the period' },
    }),
    sessions: list('worst 20 sessions by score', {
      session: { type: 'string' },
      user: { type: ['string', 'null'] },
      first_day: { type: 'string' },
      last_day: { type: 'string' },
    }),
    pages: list('worst 20 pages by score (problems that happened on the page)', {
      path: { type: 'string' },
      views: integer,
    }),
  },
} as const;
