/**
 * Rebuilds the rollups of every stale day, newest first. Driver-neutral: a driver supplies
 * the `RollupStore` (read one day's facts in one snapshot, here or in a worker thread;
 * replace its rows chunk by chunk, each in a short transaction). Ingest marks days stale; a
 * day marked again while it was being rebuilt stays stale (generation check) and is rebuilt
 * on the next pass.
 */
import { createDayBuilder, type DayBuilder, type FactsReaderSource } from './createDayBuilder.js';
import type { DayFacts, DirtyDay, RowChunk } from './types.js';

export interface RollupStore {
  /** Stale days, newest first. */
  listDirtyDays(limit: number): Promise<DirtyDay[]>;
  /** The day's facts and its mark's generation, read in one snapshot. */
  readDayFacts(site: string, day: string): Promise<{ facts: DayFacts; gen: number | null }>;
  /** Where a worker thread can read days on a connection of its own; null if nowhere. */
  factsReader: FactsReaderSource | null;
  /**
   * Replaces the day's rows with `chunks` (rollups/planDayWrites.ts), one short transaction
   * per chunk; the last one clears the day's mark if its generation is still `gen`.
   */
  writeDayRollups(site: string, day: string, gen: number, chunks: RowChunk[]): Promise<void>;
  /**
   * Recomputes what is derived from several days' rollups and went stale with the days
   * written (rows over trailing days: storage/sqlite/trails.ts); returns how many days it
   * recomputed.
   */
  refreshTrails(): Promise<number>;
  /** Forgets marks of days before `day` (their raw events may be gone: rollups stay as they are). */
  dropDirtyBefore(day: string): Promise<void>;
}

export interface RefreshOptions {
  /** Days before this one (`YYYY-MM-DD`) are frozen: retention may have deleted their events. */
  frozenBefore?: string | null;
  /** Stop after this many days (the rest stays stale for the next pass). */
  maxDays?: number;
}

export interface RefreshResult {
  days: number;
  ms: number;
}

const PAGE = 64;

export interface RollupRefresher {
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
  /** Stops the worker thread, if one was started. */
  close(): Promise<void>;
}

/** Refreshes `store`'s rollups, keeping one day builder (and its worker thread) between passes. */
export function createRollupRefresher(store: RollupStore): RollupRefresher {
  const builder = createDayBuilder(store.readDayFacts, store.factsReader);
  return { refresh: (options) => refreshRollups(store, builder, options), close: () => builder.close() };
}

export async function refreshRollups(
  store: RollupStore,
  builder: DayBuilder,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const started = performance.now();
  if (options.frozenBefore) await store.dropDirtyBefore(options.frozenBefore);
  const max = options.maxDays ?? Number.POSITIVE_INFINITY;
  let days = 0;
  const seen = new Set<string>();
  while (days < max) {
    // A day re-marked during its rebuild comes back: once per pass is enough.
    const dirty = (await store.listDirtyDays(PAGE)).filter((d) => !seen.has(`${d.site}\u0000${d.day}`));
    if (dirty.length === 0) break;
    for (const d of dirty) {
      if (days >= max) break;
      seen.add(`${d.site}\u0000${d.day}`);
      const { gen, chunks } = await builder.build(d.site, d.day);
      if (gen === null) continue;
      await store.writeDayRollups(d.site, d.day, gen, chunks);
      days += 1;
    }
  }
  await store.refreshTrails();
  return { days, ms: performance.now() - started };
}
