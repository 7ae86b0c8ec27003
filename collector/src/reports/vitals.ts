/**
 * Vitals: p75 of LCP, INP, CLS, FCP and TTFB overall and (without a filter) for the
 * `TOP_PAGES` most viewed pages that have samples, with the share of good /
 * needs-improvement / poor samples by the official thresholds (rollups/buckets.ts);
 * `page=P` gives the vitals measured on P. The p75 is the smallest value of the bucket that
 * holds the 75th percentile sample: within 2 % of the exact one overall, 10 % per page.
 * Three rollup reads; each stored row is one day's histogram of a path and metric: SQL adds
 * up the counts and lists the days' histograms per path and metric, added up here.
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
import type { VitalSummary, VitalsResult } from './answers.js';
export type { VitalSummary, VitalsResult } from './answers.js';
import type { Report } from './types.js';

export const VITALS_DEFAULT_DAYS = 30;
export const TOP_PAGES = 20;

/** One path and metric over the days: samples per rating, and each day's histogram. */
type HistRow = {
  path: string;
  metric: string;
  samples: number;
  good: number;
  ni: number;
  poor: number;
  /** JSON: the days' `[bucket, count, …]` lists. */
  list_hist: string;
};

/** Samples of one path and metric over the days read: per rating, and per bucket. */
interface Merged {
  samples: number;
  good: number;
  ni: number;
  poor: number;
  /** Samples per bucket number (sparse array: bucket numbers are small integers). */
  buckets: number[];
}

/** Adds each path and metric's histograms up, keyed `path\u0001metric`. */
function merge(rows: readonly HistRow[]): Map<string, Merged> {
  const out = new Map<string, Merged>();
  for (const r of rows) {
    const buckets: number[] = [];
    for (const pairs of JSON.parse(r.list_hist) as number[][])
      for (let i = 0; i < pairs.length; i += 2)
        buckets[pairs[i]!] = (buckets[pairs[i]!] ?? 0) + pairs[i + 1]!;
    out.set(`${r.path}\u0001${r.metric}`, {
      samples: r.samples,
      good: r.good,
      ni: r.ni,
      poor: r.poor,
      buckets,
    });
  }
  return out;
}

function summarise(metric: VitalMetric, m: Merged | undefined): VitalSummary {
  const samples = m?.samples ?? 0;
  const sorted: [number, number][] = [];
  m?.buckets.forEach((count, bucket) => sorted.push([bucket, count]));
  const at = percentileOf(sorted, (b) => b[1], 0.75);
  const p75 = at ? vitalBucketValue(metric, at[0]) : null;
  return {
    metric,
    p75: p75 === null ? null : metric === 'CLS' ? Math.round(p75 * 1000) / 1000 : Math.round(p75),
    rating: p75 === null ? null : rateVital(metric, p75),
    samples,
    good: ratio(m?.good ?? 0, samples),
    needs_improvement: ratio(m?.ni ?? 0, samples),
    poor: ratio(m?.poor ?? 0, samples),
    thresholds: VITAL_THRESHOLDS[metric],
  };
}

/** Per path and metric: the counts added up, the histograms listed. */
const MERGED = {
  groupBy: ['path', 'metric'],
  sum: ['samples', 'good', 'ni', 'poor'],
  lists: ['hist'],
};

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
      storage.queryRollup<HistRow>({ ...base, where: { path: '' }, ...MERGED }),
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
    const perPage = merge(
      paths.length === 0
        ? []
        : await storage.queryRollup<HistRow>({
            ...unfiltered,
            where: { path: paths },
            ...MERGED,
          }),
    );
    const all = merge(overall);
    return {
      ...scopeHeader(scope),
      overall: VITAL_METRICS.map((m) => summarise(m, all.get(`\u0001${m}`))),
      pages: top
        .map((t) => {
          const metrics = VITAL_METRICS.map((m) => summarise(m, perPage.get(`${t.path}\u0001${m}`)));
          return { path: t.path, samples: metrics.reduce((n, m) => n + m.samples, 0), metrics };
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
