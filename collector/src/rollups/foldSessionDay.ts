/**
 * One session-day's events folded per page and per event key before they are spread over
 * filters, so that the work per filter is per page or key, not per event.
 */
import { rateVital, vitalBucket, VITAL_THRESHOLDS, type VitalMetric } from './buckets.js';
import type { SessionDay } from './groupSessionDays.js';
import type { EventFact } from './types.js';

export const SLOW_LOAD_MS = 3000;
/** Longest custom-property value kept; longer ones are cut. */
export const MAX_PROP_VALUE = 200;

type Data = Record<string, unknown>;

function dataOf(event: EventFact): Data {
  if (!event.data) return {};
  try {
    const data: unknown = JSON.parse(event.data);
    return data && typeof data === 'object' ? (data as Data) : {};
  } catch {
    return {};
  }
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per path: views, entries, exits, engaged ms/n, deepest-scroll sum/n, load ms/n, slow, errors, rage, dead. */
export type PageCounters = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
export const PAGE_SLOTS = 13;

export interface FoldedSessionDay {
  pages: Map<string, { counters: PageCounters; visitors: Set<string> }>;
  /** `type\u0001name\u0001k\u0001v` → { path → count }. */
  events: Map<string, Map<string, number>>;
  /** `kind\u0001message\u0001source\u0001line\u0001col` → { path → [occurrences, first ts, last ts] }. */
  errorGroups: Map<string, Map<string, [number, number, number]>>;
  /** `metric\u0001bucket\u0001rating` → { path → count }. */
  vitals: Map<string, Map<string, number>>;
  engagedMs: number;
  clicks: number;
  custom: number;
  errors: number;
  rage: number;
  dead: number;
  slow: number;
}

function bump(map: Map<string, Map<string, number>>, key: string, path: string): void {
  let byPath = map.get(key);
  if (!byPath) map.set(key, (byPath = new Map()));
  byPath.set(path, (byPath.get(path) ?? 0) + 1);
}

export function foldSessionDay(day: SessionDay): FoldedSessionDay {
  const out: FoldedSessionDay = {
    pages: new Map(),
    events: new Map(),
    vitals: new Map(),
    errorGroups: new Map(),
    engagedMs: 0,
    clicks: 0,
    custom: 0,
    errors: 0,
    rage: 0,
    dead: 0,
    slow: 0,
  };
  const page = (path: string) => {
    let p = out.pages.get(path);
    if (!p)
      out.pages.set(path, (p = { counters: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], visitors: new Set() }));
    return p.counters;
  };
  const last = day.pageviews.length - 1;
  day.pageviews.forEach((pv, i) => {
    const c = page(pv.path);
    c[0] += 1;
    if (i === 0) c[1] += 1;
    if (i === last) c[2] += 1;
    out.pages.get(pv.path)!.visitors.add(pv.visitor);
  });
  // An event belongs to the page view it names (`pv`): a summary sent as an SPA route is
  // left, or a vital reported after later navigations, counts for the path it was measured
  // on, whatever URL it arrived with. Without one (older SDKs, server-side senders, a
  // page view of another day) it counts for its own URL's path.
  const pathOf = new Map(day.pageviews.map((pv) => [pv.id, pv.path]));
  // A page view's deepest scroll counts once.
  const deepest = new Map<string, { path: string; depth: number }>();
  const lastVital = new Map<string, { metric: VitalMetric; value: number; path: string }>();
  for (const raw of day.events) {
    if (raw.type === 'pageview' || raw.type === 'humanness') continue;
    const path = (raw.pv && pathOf.get(raw.pv)) || raw.path;
    const e = path === raw.path ? raw : { ...raw, path };
    const d = dataOf(e);
    if (e.type === 'engagement') {
      const c = page(e.path);
      c[3] += num(d.ms);
      c[4] += 1;
      out.engagedMs += num(d.ms);
    } else if (e.type === 'scroll') {
      const k = `${e.pv ?? e.id}\u0001${e.path}`;
      deepest.set(k, { path: e.path, depth: Math.max(deepest.get(k)?.depth ?? 0, num(d.depth)) });
    } else if (e.type === 'timing' && typeof d.load === 'number') {
      const c = page(e.path);
      c[7] += num(d.load);
      c[8] += 1;
      if (d.load > SLOW_LOAD_MS) ((c[9] += 1), (out.slow += 1));
    } else if (e.type === 'error') {
      const n = Math.max(1, num(d.count));
      page(e.path)[10] += n;
      out.errors += n;
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : -1);
      const key = [str(d.kind), str(d.message), str(d.source), int(d.line), int(d.col)].join('\u0001');
      let byPath = out.errorGroups.get(key);
      if (!byPath) out.errorGroups.set(key, (byPath = new Map()));
      const seen = byPath.get(e.path);
      if (seen) ((seen[0] += n), (seen[1] = Math.min(seen[1], e.ts)), (seen[2] = Math.max(seen[2], e.ts)));
      else byPath.set(e.path, [n, e.ts, e.ts]);
    } else if (e.type === 'click') {
      const c = page(e.path);
      if (d.rage) ((c[11] += 1), (out.rage += 1));
      if (d.dead) ((c[12] += 1), (out.dead += 1));
      out.clicks += 1;
      if (typeof d.kind === 'string') bump(out.events, `click\u0001\u0001kind\u0001${d.kind}`, e.path);
    } else if (e.type === 'custom') {
      out.custom += 1;
      const props = d.props && typeof d.props === 'object' ? (d.props as Data) : {};
      for (const [k, v] of Object.entries(props)) {
        bump(
          out.events,
          `custom\u0001${e.name ?? ''}\u0001${k}\u0001${String(v).slice(0, MAX_PROP_VALUE)}`,
          e.path,
        );
      }
    } else if (e.type === 'vital' && e.name && e.name in VITAL_THRESHOLDS && typeof d.value === 'number') {
      // CLS and INP are sent again as they grow: a page view's latest value is its value.
      lastVital.set(`${e.pv ?? e.id}\u0001${e.name}`, {
        metric: e.name as VitalMetric,
        value: d.value,
        path: e.path,
      });
    }
    bump(out.events, `${e.type}\u0001${e.name ?? ''}\u0001\u0001`, e.path);
  }
  for (const { metric, value, path } of lastVital.values()) {
    bump(out.vitals, `${metric}\u0001${vitalBucket(metric, value)}\u0001${rateVital(metric, value)}`, path);
  }
  for (const { path, depth } of deepest.values()) {
    const c = page(path);
    c[5] += depth;
    c[6] += 1;
  }
  return out;
}
