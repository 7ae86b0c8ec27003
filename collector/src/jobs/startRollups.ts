/**
 * Keeps report rollups fresh: brings stale days up to date (rollups/refreshDay.ts: a day is
 * updated with the sessions that changed, rebuilt whole only the first time or when an
 * update cannot apply), then waits five times as long as the pass took, at least
 * `MIN_INTERVAL_MS` and at most `MAX_INTERVAL_MS`, so that passes of up to 2 s take about a
 * sixth of one core: ingest comes first, and on this 2-core machine a 2 s bound let update
 * passes over long sessions take half a core and cut single-event ingest by half (bench:ingest
 * (b) 2,411 → 1,181 req/s in one run). Reports lag ingest by a few seconds when passes are
 * short (a typical site's); under heavy load they lag more instead of slowing ingest. A whole
 * rebuild is followed by at most `MAX_INTERVAL_MS` of pause, not five times its length. Realtime, records and the errors report read
 * raw events and do not lag. A pass reads and aggregates in a worker thread and writes in
 * short transactions (rollups/createDayBuilder.ts): ingest and /healthz never wait for it,
 * however long it takes.
 */
import type { FastifyBaseLogger } from 'fastify';
import { utcDay } from '../lib/time.js';
import type { RollupMetrics } from '../metrics/createMetrics.js';
import type { Storage } from '../storage/types.js';

export const MIN_INTERVAL_MS = 1000;
export const MAX_INTERVAL_MS = 10_000;
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
      wait = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ms * 5));
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
