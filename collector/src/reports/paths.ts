/**
 * Paths: entry and exit pages, top transitions A→B (consecutive pageviews of a session-day,
 * B ≠ A), drop-off pages (highest exit rate among pages with at least `DROP_OFF_MIN_VIEWS`
 * views), the session-length distribution (pages per session-day: 1, 2, 3–5, 6–10, 11+) and,
 * with `funnel=/a,/b,event:signup`, an ordered funnel: sessions that reached each step after
 * the previous one, with conversion from the first step and drop from the step before.
 * Top transitions: without a filter, over a period one fresh 30-day trailing set covers
 * (the default 30 days ending today), two statements (storage/sqlite/trails.ts); otherwise
 * reports/topAcrossDays.ts (two, three when transitions are too flat to stop early). With
 * the pages and lengths: four or five statements, plus one for a funnel (raw events: the
 * order of steps within a session is not in any rollup; the filter does not apply to it,
 * `bots` does).
 */
import { InvalidQueryError } from '../errors.js';
import type { FunnelStep, TransitionCount } from '../storage/types.js';
import { pathsResponse } from './pathsResponse.js';
import { ratio, resolveScope, rollupBase, scopeHeader } from './scope.js';
import { topAcrossDays } from './topAcrossDays.js';
import type { PathsResult } from './answers.js';
export type { PathsResult } from './answers.js';
import type { Report } from './types.js';

export const PATHS_DEFAULT_DAYS = 30;
export const TOP = 20;
export const TOP_TRANSITIONS = 50;
/** Transitions read per day before adding up candidates (reports/topAcrossDays.ts). */
export const TRANSITIONS_PER_DAY = 4 * TOP_TRANSITIONS;
export const DROP_OFF_MIN_VIEWS = 10;
export const MAX_FUNNEL_STEPS = 8;
export const LENGTH_BUCKETS = [
  { label: '1', min: 1, max: 1 },
  { label: '2', min: 2, max: 2 },
  { label: '3-5', min: 3, max: 5 },
  { label: '6-10', min: 6, max: 10 },
  { label: '11+', min: 11, max: Number.POSITIVE_INFINITY },
] as const;

export function parseFunnel(text: string | undefined): FunnelStep[] | null {
  if (!text) return null;
  const steps = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (steps.length < 2 || steps.length > MAX_FUNNEL_STEPS) {
    throw new InvalidQueryError(`funnel: 2 to ${MAX_FUNNEL_STEPS} comma-separated steps`);
  }
  return steps.map((s) => {
    if (s.startsWith('event:') && s.length > 6) return { kind: 'event', value: s.slice(6) };
    if (s.startsWith('/')) return { kind: 'page', value: s };
    throw new InvalidQueryError(`funnel step must be a path starting with / or event:<name>: ${s}`);
  });
}

type PageSums = { path: string; views: number; entries: number; exits: number };
const DAY_MS = 86_400_000;

export const pathsReport: Report<PathsResult> = {
  name: 'paths',
  response: pathsResponse,
  async run(storage, params) {
    const scope = resolveScope(params, PATHS_DEFAULT_DAYS);
    const steps = parseFunnel(params.funnel);
    const base = rollupBase(scope);
    const from = Date.parse(`${scope.fromDay}T00:00:00Z`);
    const to = Date.parse(`${scope.toDay}T00:00:00Z`) + DAY_MS;
    const [pages, transitions, lengths, funnel] = await Promise.all([
      storage.queryRollup<PageSums>({
        ...base,
        table: 'ru_pages',
        groupBy: ['path'],
        sum: ['views', 'entries', 'exits'],
      }),
      // A 30-day period without a filter has its transitions added up already; other
      // periods add up their days' top transitions.
      (base.filter === ''
        ? storage.topTransitions({ site: scope.site, days: scope.days, bots: scope.bots, n: TOP_TRANSITIONS })
        : Promise.resolve(null)
      ).then(
        (trailing) =>
          trailing ??
          topAcrossDays<TransitionCount & Record<string, string | number>>(
            storage,
            { ...base, table: 'ru_transitions' },
            { key: ['from_path', 'to_path'], rank: 'count', n: TOP_TRANSITIONS, k: TRANSITIONS_PER_DAY },
          ),
      ),
      storage.queryRollup<{ pages: number; sessions: number }>({
        ...base,
        table: 'ru_lengths',
        groupBy: ['pages'],
        sum: ['sessions'],
      }),
      steps ? storage.countFunnel({ site: scope.site, from, to, bots: scope.bots, steps }) : null,
    ]);
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    const exits = pages.map((p) => ({
      path: p.path,
      exits: p.exits,
      views: p.views,
      exit_rate: ratio(p.exits, p.views),
    }));
    const totalSessions = lengths.reduce((n, l) => n + l.sessions, 0);
    return {
      ...scopeHeader(scope),
      entry_pages: pages
        .filter((p) => p.entries > 0)
        .sort((a, b) => b.entries - a.entries || byPath(a, b))
        .slice(0, TOP)
        .map((p) => ({ path: p.path, entries: p.entries, views: p.views })),
      exit_pages: exits
        .filter((p) => p.exits > 0)
        .sort((a, b) => b.exits - a.exits || byPath(a, b))
        .slice(0, TOP),
      drop_off: exits
        .filter((p) => p.views >= DROP_OFF_MIN_VIEWS)
        .sort((a, b) => (b.exit_rate ?? 0) - (a.exit_rate ?? 0) || b.views - a.views || byPath(a, b))
        .slice(0, TOP),
      transitions: transitions.map((t) => ({ from: t.from_path, to: t.to_path, count: t.count })),
      session_lengths: LENGTH_BUCKETS.map((b) => {
        const sessions = lengths
          .filter((l) => l.pages >= b.min && l.pages <= b.max)
          .reduce((n, l) => n + l.sessions, 0);
        return { pages: b.label, sessions, share: ratio(sessions, totalSessions) };
      }),
      funnel:
        steps && funnel
          ? steps.map((step, i) => ({
              step: step.kind === 'page' ? step.value : `event:${step.value}`,
              sessions: funnel[i] ?? 0,
              conversion: ratio(funnel[i] ?? 0, funnel[0] ?? 0),
              drop: i === 0 ? null : ratio((funnel[i - 1] ?? 0) - (funnel[i] ?? 0), funnel[i - 1] ?? 0),
            }))
          : null,
    };
  },
  csv: {
    columns: ['from', 'to', 'count'],
    rows: (result) => result.transitions,
  },
};
