/**
 * Vitals: p75 of LCP, INP, CLS, FCP and TTFB overall and (without a filter) for the
 * `TOP_PAGES` most viewed pages that have samples, with the share of good /
 * needs-improvement / poor samples by the official thresholds (rollups/buckets.ts);
 * `page=P` gives the vitals measured on P. The p75 is the smallest value of the bucket that
 * holds the 75th percentile sample: within 2 % of the exact one overall, 10 % per page.
 * Three rollup reads.
 */
import {
  percentileOf,
  rateVital,
  VITAL_METRICS,
  VITAL_THRESHOLDS,
  vitalBucketValue,
  type VitalMetric,
  type VitalRating,
} from '../rollups/buckets.js';
import { ratio, resolveScope, rollupBase, scopeHeader, scopeHeaderProperties } from './scope.js';
import type { Report } from './types.js';

export const VITALS_DEFAULT_DAYS = 30;
export const TOP_PAGES = 20;

export interface VitalSummary {
  metric: VitalMetric;
  p75: number | null;
  rating: VitalRating | null;
  samples: number;
  good: number | null;
  needs_improvement: number | null;
  poor: number | null;
  thresholds: readonly [number, number];
}

export interface VitalsResult extends ReturnType<typeof scopeHeader> {
  overall: VitalSummary[];
  pages: { path: string; samples: number; metrics: VitalSummary[] }[];
}

type Bucket = { path?: string; metric: string; bucket: number; rating: string; count: number };

function summarise(metric: VitalMetric, rows: readonly Bucket[]): VitalSummary {
  const mine = rows.filter((r) => r.metric === metric).sort((a, b) => a.bucket - b.bucket);
  const samples = mine.reduce((n, r) => n + r.count, 0);
  const by = (rating: VitalRating) =>
    ratio(
      mine.filter((r) => r.rating === rating).reduce((n, r) => n + r.count, 0),
      samples,
    );
  const at = percentileOf(mine, (r) => r.count, 0.75);
  const p75 = at ? vitalBucketValue(metric, at.bucket) : null;
  return {
    metric,
    p75: p75 === null ? null : metric === 'CLS' ? Math.round(p75 * 1000) / 1000 : Math.round(p75),
    rating: p75 === null ? null : rateVital(metric, p75),
    samples,
    good: by('good'),
    needs_improvement: by('needs-improvement'),
    poor: by('poor'),
    thresholds: VITAL_THRESHOLDS[metric],
  };
}

const summary = {
  type: 'object',
  properties: {
    metric: { type: 'string' },
    p75: { type: ['number', 'null'] },
    rating: { type: ['string', 'null'] },
    samples: { type: 'integer' },
    good: { type: ['number', 'null'] },
    needs_improvement: { type: ['number', 'null'] },
    poor: { type: ['number', 'null'] },
    thresholds: { type: 'array', items: { type: 'number' } },
  },
} as const;

export const vitalsReport: Report<VitalsResult> = {
  name: 'vitals',
  response: {
    type: 'object',
    properties: {
      ...scopeHeaderProperties,
      overall: { type: 'array', items: summary },
      pages: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            path: { type: 'string' },
            samples: { type: 'integer' },
            metrics: { type: 'array', items: summary },
          },
        },
      },
    },
  },
  async run(storage, params) {
    const scope = resolveScope(params, VITALS_DEFAULT_DAYS);
    const base = { ...rollupBase(scope), table: 'ru_vitals' as const };
    // Per-page rows exist without a filter only (a page filter is that page's totals).
    const unfiltered = { ...base, filter: '' };
    const [overall, top] = await Promise.all([
      storage.queryRollup<Bucket>({
        ...base,
        where: { path: '' },
        groupBy: ['metric', 'bucket', 'rating'],
        sum: ['count'],
      }),
      // The pages listed are the most viewed ones (ru_pages is far smaller than ru_vitals).
      scope.filter
        ? []
        : storage.queryRollup<{ path: string; views: number }>({
            ...rollupBase(scope),
            table: 'ru_pages',
            groupBy: ['path'],
            sum: ['views'],
            orderBy: [
              { column: 'views', desc: true },
              { column: 'path', desc: false },
            ],
            limit: TOP_PAGES,
          }),
    ]);
    const paths = top.map((t) => t.path);
    const perPage =
      paths.length === 0
        ? []
        : await storage.queryRollup<Bucket>({
            ...unfiltered,
            where: { path: paths },
            groupBy: ['path', 'metric', 'bucket', 'rating'],
            sum: ['count'],
          });
    return {
      ...scopeHeader(scope),
      overall: VITAL_METRICS.map((m) => summarise(m, overall)),
      pages: top
        .map((t) => {
          const rows = perPage.filter((r) => r.path === t.path);
          const samples = rows.reduce((n, r) => n + r.count, 0);
          return { path: t.path, samples, metrics: VITAL_METRICS.map((m) => summarise(m, rows)) };
        })
        .filter((p) => p.samples > 0),
    };
  },
  csv: {
    columns: ['path', 'metric', 'p75', 'rating', 'samples', 'good', 'needs_improvement', 'poor'],
    rows: (result) => [
      ...result.overall.map((s) => ({ path: '', ...s })),
      ...result.pages.flatMap((p) => p.metrics.map((s) => ({ path: p.path, ...s }))),
    ],
  },
};
