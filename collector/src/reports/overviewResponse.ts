/** JSON Schema of the overview answer (serialises it, and documents it). */
import { scopeHeaderProperties } from './scope.js';
import { sessionMetricsProperties } from './sessionMetrics.js';

const totals = {
  type: ['object', 'null'],
  properties: { ...sessionMetricsProperties, median_duration_s: { type: ['number', 'null'] } },
} as const;

const point = {
  type: 'object',
  properties: {
    date: { type: 'string' },
    visitors: { type: 'integer' },
    sessions: { type: 'integer' },
    pageviews: { type: 'integer' },
  },
} as const;

const breakdown = {
  type: 'array',
  items: { type: 'object', properties: { value: { type: 'string' }, ...sessionMetricsProperties } },
} as const;

const side = {
  type: 'object',
  properties: { sessions: { type: 'integer' }, pageviews: { type: 'integer' } },
} as const;

export const overviewResponse = {
  type: 'object',
  properties: {
    ...scopeHeaderProperties,
    interval: { type: 'string' },
    totals,
    previous_totals: totals,
    change: {
      type: ['object', 'null'],
      properties: {
        visitors: { type: ['number', 'null'] },
        sessions: { type: ['number', 'null'] },
        pageviews: { type: ['number', 'null'] },
      },
    },
    series: { type: 'array', items: point },
    previous_series: { type: ['array', 'null'], items: point },
    heatmap: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          dow: { type: 'integer' },
          hour: { type: 'integer' },
          pageviews: { type: 'integer' },
          sessions: { type: 'integer' },
        },
      },
    },
    breakdowns: {
      type: 'object',
      properties: Object.fromEntries(
        [
          'devices',
          'browsers',
          'os',
          'sources',
          'channels',
          'utm_sources',
          'utm_mediums',
          'utm_campaigns',
          'countries',
          'users',
        ].map((k) => [k, breakdown]),
      ),
    },
    bot_split: { type: 'object', properties: { human: side, bot: side } },
  },
} as const;
