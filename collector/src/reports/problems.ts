/**
 * Problems: JS errors, rage clicks, dead clicks and slow page loads (load > 3 s), scored
 * per user, per session and per page with one documented weight set (reports/userScores.ts):
 * score = 3·errors + 2·rage clicks + dead clicks + 2·slow loads.
 *
 * - totals and `pages` come from `ru_pages`, so the report's filter (page, referrer, device,
 *   country, logged-in) restricts them; a page's problems are the events that happened on it.
 * - `users` (from `ru_users`), `sessions` (from `ru_problem_sessions`) and the affected
 *   counts are not filtered: those rollups have no filter dimension. `filter_applies_to`
 *   says so in every answer.
 * - Worst lists: the top 20 by score, then by id; rows that scored 0 are left out. The worst
 *   sessions come from each day's worst (reports/topAcrossDays.ts).
 * Eight statements, whatever the number of users, sessions, pages or days.
 */
import { problemsResponse } from './problemsResponse.js';
import { resolveScope, rollupBase, scopeHeader } from './scope.js';
import { topOfOneDayGroups } from './topAcrossDays.js';
import type { ProblemsResult } from './answers.js';
export type { ProblemsResult } from './answers.js';
import type { Report } from './types.js';
import { PROBLEM_SUMS, PROBLEM_WEIGHTS, problemScore, type ProblemSums } from './userScores.js';

export const PROBLEMS_DEFAULT_DAYS = 30;
export const PROBLEMS_TOP = 20;

const ranked = (id: string) => [
  { column: 'score', desc: true },
  { column: id, desc: false },
];

/** Rounds the SQL score the way every answer shows it, and drops rows without problems. */
function present<T extends ProblemSums>(rows: readonly T[]): (T & { score: number })[] {
  return rows.map((r) => ({ ...r, score: problemScore(r) })).filter((r) => r.score > 0);
}

export const problemsReport: Report<ProblemsResult> = {
  name: 'problems',
  response: problemsResponse,
  async run(storage, params) {
    const scope = resolveScope(params, PROBLEMS_DEFAULT_DAYS);
    const base = rollupBase(scope);
    const sums = [...PROBLEM_SUMS];
    const weighted = { score: PROBLEM_WEIGHTS };
    const [totals, singles, spread, users, sessions, pages] = await Promise.all([
      storage.queryRollup<ProblemSums & { views: number }>({
        ...base,
        table: 'ru_pages',
        groupBy: [],
        sum: [...sums, 'views'],
      }),
      // Distinct sessions with problems: those within one day, counted per day …
      storage.queryRollup<{ sessions: number | null }>({
        ...base,
        filter: '',
        table: 'ru_sessions',
        where: { b: 'problems', v: 'single' },
        groupBy: [],
        sum: ['sessions'],
      }),
      // … the few that span days may have several.
      storage.queryRollup<{ distinct_session_id: number }>({
        ...base,
        table: 'ru_problem_sessions',
        where: { single: 0 },
        groupBy: [],
        distinct: ['session_id'],
      }),
      // The worst users, and how many users scored at all.
      storage.rankUsers({
        site: scope.site,
        days: scope.days,
        bots: scope.bots,
        sums: [...sums, 'sessions'],
        weights: PROBLEM_WEIGHTS,
        scoredOnly: true,
        limit: PROBLEMS_TOP,
      }),
      topOfOneDayGroups<
        ProblemSums & { session_id: string; max_user_id: string | null; min_day: string; max_day: string }
      >(
        storage,
        { ...base, table: 'ru_problem_sessions' },
        {
          key: ['session_id'],
          rank: 'score',
          sums,
          min: ['day'],
          max: ['day', 'user_id'],
          oneDay: 'single',
          n: PROBLEMS_TOP,
        },
      ),
      storage.queryRollup<ProblemSums & { path: string; views: number }>({
        ...base,
        table: 'ru_pages',
        groupBy: ['path'],
        sum: [...sums, 'views'],
        weighted,
        orderBy: ranked('path'),
        limit: PROBLEMS_TOP,
      }),
    ]);
    const t = totals[0];
    const all: ProblemSums = {
      errors: t?.errors ?? 0,
      rage: t?.rage ?? 0,
      dead: t?.dead ?? 0,
      slow: t?.slow ?? 0,
    };
    return {
      ...scopeHeader(scope),
      filter_applies_to: scope.filter ? ['totals', 'pages'] : [],
      totals: {
        ...all,
        score: problemScore(all),
        pageviews: t?.views ?? 0,
        sessions_affected: (singles[0]?.sessions ?? 0) + (spread[0]?.distinct_session_id ?? 0),
        users_affected: users.users_total,
      },
      users: present(users.users as unknown as (ProblemSums & { user_id: string; sessions: number })[]).map(
        ({ user_id, errors, rage, dead, slow, score, sessions: n }) => ({
          user: user_id,
          sessions: n,
          errors,
          rage,
          dead,
          slow,
          score,
        }),
      ),
      sessions: present(sessions).map((s) => ({
        session: s.session_id,
        user: s.max_user_id,
        first_day: s.min_day,
        last_day: s.max_day,
        errors: s.errors,
        rage: s.rage,
        dead: s.dead,
        slow: s.slow,
        score: s.score,
      })),
      pages: present(pages).map(({ path, views, errors, rage, dead, slow, score }) => ({
        path,
        views,
        errors,
        rage,
        dead,
        slow,
        score,
      })),
    };
  },
  csv: {
    // The three worst lists in one table: `kind` says which, `id` is the user, session or path.
    columns: ['kind', 'id', 'errors', 'rage', 'dead', 'slow', 'score'],
    rows: (r) => [
      ...r.users.map((u) => ({ kind: 'user', id: u.user, ...u })),
      ...r.sessions.map((s) => ({ kind: 'session', id: s.session, ...s })),
      ...r.pages.map((p) => ({ kind: 'page', id: p.path, ...p })),
    ],
  },
};
