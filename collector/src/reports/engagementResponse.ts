/** JSON Schema of the engagement answer (serialises it, and documents it). */
import { scopeHeaderProperties } from './scope.js';

const integer = { type: 'integer' } as const;
const number = { type: 'number' } as const;
const string = { type: 'string' } as const;

const user = {
  type: 'object',
  properties: {
    user: string,
    score: {
      ...number,
      description: '3·sessions + pageviews + 0.5·clicks + engaged minutes + 2·custom events',
    },
    sessions: { ...integer, description: 'session-days: a session counts on each day it has events' },
    pageviews: integer,
    clicks: integer,
    engaged_s: { ...integer, description: 'visible-and-focused time, seconds' },
    custom_events: integer,
    first_seen: { ...string, description: 'first active UTC day ever (as far as rollups go back)' },
    last_seen: { ...string, description: 'last active UTC day in the period' },
    days_since_last_seen: { ...integer, description: 'from last_seen to the end of the period' },
    status: {
      type: 'string',
      enum: ['active', 'at_risk', 'dormant'],
      description: 'days_since_last_seen 0–6, 7–13, 14+',
    },
    new: { type: 'boolean', description: 'first_seen is inside the period' },
    score_last_7d: { ...number, description: 'score of the last 7 days of the period' },
    score_previous_7d: { ...number, description: 'score of the 7 days before those' },
    wow_change: {
      type: ['number', 'null'],
      description: 'score_last_7d / score_previous_7d − 1; null when the earlier week is 0',
    },
    sparkline: { type: 'array', items: number, description: 'daily scores of the last 7 days, oldest first' },
  },
} as const;

export const engagementResponse = {
  type: 'object',
  properties: {
    ...scopeHeaderProperties,
    filter_applies_to: {
      type: 'array',
      items: string,
      description: 'the parts of the answer a filter restricts: none (per-user rollups have no filters)',
    },
    totals: {
      type: 'object',
      properties: {
        users: { ...integer, description: 'identified users active in the period' },
        new_users: integer,
        sessions: integer,
        pageviews: integer,
        clicks: integer,
        engaged_s: integer,
        custom_events: integer,
        score: number,
      },
    },
    status: {
      type: 'object',
      properties: { active: integer, at_risk: integer, dormant: integer },
    },
    users: { type: 'array', items: user, description: 'the top 100 by score, then by user id' },
  },
} as const;
