/** JSON Schema of `GET /v1/users/<user>` (serialises it, and documents it). */
const integer = { type: 'integer' } as const;
const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;

const counted = (key: string, count: string) =>
  ({
    type: 'array',
    items: { type: 'object', properties: { [key]: string, [count]: integer } },
  }) as const;

const problemCounts = { errors: integer, rage: integer, dead: integer, slow: integer } as const;

export const userProfileResponse = {
  type: 'object',
  properties: {
    site: string,
    user: string,
    bots: string,
    first_seen: nullableString,
    last_seen: nullableString,
    sessions: { ...integer, description: 'sessions that carried the user id (stored raw data)' },
    pageviews: integer,
    events: integer,
    devices: counted('value', 'sessions'),
    browsers: counted('value', 'sessions'),
    os: counted('value', 'sessions'),
    favourite_pages: counted('path', 'views'),
    hours: { ...counted('hour', 'pageviews'), description: 'pageviews by UTC hour, 0–23' },
    trend: {
      type: 'array',
      description: 'the last 30 UTC days, oldest first; scores as in the engagement and problems reports',
      items: {
        type: 'object',
        properties: {
          date: string,
          score: { type: 'number' },
          sessions: integer,
          pageviews: integer,
          clicks: integer,
          engaged_s: integer,
          custom_events: integer,
          problem_score: { type: 'number' },
          ...problemCounts,
        },
      },
    },
    problem_sessions: {
      type: 'array',
      description: 'session-days with problems in the last 30 days, newest first (at most 20)',
      items: {
        type: 'object',
        properties: { date: string, session: string, ...problemCounts, score: { type: 'number' } },
      },
    },
    timeline: {
      type: 'array',
      description: 'session starts and pageviews, clicks, errors, custom events; newest first',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['session', 'pageview', 'click', 'error', 'custom'] },
          ts: string,
          session: string,
          path: nullableString,
          name: nullableString,
          data: { type: ['object', 'null'], additionalProperties: true },
          is_bot: { type: 'boolean' },
        },
      },
    },
    next_before: { ...nullableString, description: 'pass as `before` for the next timeline page' },
  },
} as const;
