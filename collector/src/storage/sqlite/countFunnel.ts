/**
 * Ordered funnel in one statement: a CTE per step holds each session's first time at that
 * step after its time at the previous one. Steps come from the request as bound values.
 */
import type { FunnelQuery, FunnelStep } from '../types.js';
import type { Db } from './db.js';

function match(step: FunnelStep, alias: string): string {
  return step.kind === 'page'
    ? `${alias}.type = 'pageview' AND ${alias}.path = ?`
    : `${alias}.type = 'custom' AND ${alias}.name = ?`;
}

export async function countFunnel(db: Db, q: FunnelQuery): Promise<number[]> {
  if (q.steps.length === 0) return [];
  const sides = q.bots === 'exclude' ? '(0)' : q.bots === 'only' ? '(1)' : '(0, 1)';
  const ctes: string[] = [];
  const params: unknown[] = [];
  q.steps.forEach((step, i) => {
    if (i === 0) {
      ctes.push(`s0 AS (
        SELECT e.session, min(e.ts) AS t FROM events AS e
        JOIN sessions AS s ON s.site = e.site AND s.session_id = e.session AND s.is_bot IN ${sides}
        WHERE e.site = ? AND e.ts >= ? AND e.ts < ? AND ${match(step, 'e')}
        GROUP BY e.session)`);
      params.push(q.site, q.from, q.to, step.value);
    } else {
      ctes.push(`s${i} AS (
        SELECT p.session, min(e.ts) AS t FROM s${i - 1} AS p
        JOIN events AS e ON e.site = ? AND e.session = p.session AND e.ts > p.t AND e.ts < ?
        WHERE ${match(step, 'e')}
        GROUP BY p.session)`);
      params.push(q.site, q.to, step.value);
    }
  });
  const counts = q.steps.map((_, i) => `(SELECT count(*) FROM s${i}) AS n${i}`).join(', ');
  const row = await db.get<Record<string, number>>(`WITH ${ctes.join(',\n')} SELECT ${counts}`, params);
  return q.steps.map((_, i) => row?.[`n${i}`] ?? 0);
}
