/**
 * Keeps report rollups fresh: brings stale days up to date (rollups/refreshDay.ts: a day is
 * updated with the sessions that changed, rebuilt whole only the first time or when an
 * update cannot apply), then waits five times as long as the pass took, at least
 * `MIN_INTERVAL_MS`, so that passes take about a sixth of one core whatever they cost: ingest
 * comes first. Capping the pause (at 2 s, then 10 s) let long passes (updates over long
 * sessions, whole rebuilds of a day growing under overload) take most of a core on this
 * 2-core machine and cut ingest: bench:ingest (c) 2,613 req/s uncapped against 843 (2 s cap)
 * and 1,886 (10 s cap); overload accepted 6,565 events/s uncapped against 4,303 with the
 * 10 s cap (a loaded machine, same minutes). Reports lag ingest by a few seconds when passes
 * are short (a typical site's); under heavy load, or after a whole rebuild, they lag more
 * instead of slowing ingest. Realtime, records and the errors report read
 * raw events and do not lag. A pass reads and aggregates in a worker thread and writes in
 * short transactions (rollups/createDayBuilder.ts): ingest and /healthz never wait for it,
 * however long it takes.
 */
import type { FastifyBaseLogger } from 'fastify';
import { utcDay } from '../lib/time.js';
import type { RollupMetrics } from '../metrics/createMetrics.js';
import type { Storage } from '../storage/types.js';

export const MIN_INTERVAL_MS = 1000;
const DAY_MS = 86_400_000;

/**
 * The first day whose rollups may be rebuilt: the day retention cuts into, and every day
 * before it, keep the rollups they have (their raw events are partly or wholly gone).
 */
export function frozenBefore(retentionDays: number, now = Date.now()): string {
  return utcDay(now - retentionDays * DAY_MS + DAY_MS);
}

export function startRollups(
  storage: Storage,
  retentionDays: number,
  log: FastifyBaseLogger,
  metrics?: RollupMetrics,
): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function pass(): Promise<void> {
    let wait = MIN_INTERVAL_MS;
    try {
      const { days, ms } = await storage.refreshRollups({ frozenBefore: frozenBefore(retentionDays) });
      metrics?.observePass({ days, ms });
      if (days > 0) log.debug({ days, ms: Math.round(ms) }, 'rollups refreshed');
      wait = Math.max(MIN_INTERVAL_MS, ms * 5);
    } catch (error) {
      log.error({ err: error }, 'rollup refresh failed');
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), wait);
  }

  running = pass();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
