/**
 * Rebuilds the rollups of every stale day, newest first. Driver-neutral: a driver supplies
 * the `RollupStore` (read one day's facts in one snapshot, here or in a worker thread;
 * replace its rows chunk by chunk, each in a short transaction). Ingest marks days stale; a
 * day marked again while it was being rebuilt stays stale (generation check) and is rebuilt
 * on the next pass.
 */
import { createDayBuilder, type DayBuilder, type FactsReaderSource } from './createDayBuilder.js';
import type { DeltaWork, FullWork, ReadDaySnapshot } from './refreshDay.js';
import type { DirtyDay } from './types.js';
import { utcDay } from '../lib/time.js';

export interface RollupStore {
  /** Stale days, newest first. */
  listDirtyDays(limit: number): Promise<DirtyDay[]>;
  /** Reads a day in one snapshot (here; a worker thread reads on its own connection). */
  readDay: ReadDaySnapshot;
  /** Where a worker thread can read days on a connection of its own; null if nowhere. */
  factsReader: FactsReaderSource | null;
  /**
   * Replaces the day's rows with a full rebuild's chunks (rollups/planDayWrites.ts), one
   * short transaction per chunk, then its counted session-days; the last one records the
   * watermark and clears the day's mark if its generation is still `gen`.
   */
  writeDayRollups(site: string, day: string, work: FullWork): Promise<void>;
  /**
   * Applies an update in one transaction, if the day's rows still reflect `work.from`
   * (else leaves the day stale); clears the mark if its generation is still `work.gen`.
   */
  writeDayUpdate(site: string, day: string, work: DeltaWork): Promise<void>;
  /** Forgets the counted session-days of days before `day` (they are rebuilt whole when stale). */
  dropCountedBefore(day: string): Promise<void>;
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
  /**
   * Days from this one on keep their counted session-days, to be kept up to date when they
   * go stale; earlier ones are rebuilt whole. Default: yesterday (UTC).
   */
  countedFrom?: string;
}

export interface RefreshResult {
  /** Days written: rebuilt whole or kept up to date. */
  days: number;
  /** Of those, days kept up to date (rollups/refreshDay.ts). */
  updated: number;
  ms: number;
}

const PAGE = 64;
const DAY_MS = 86_400_000;

export interface RollupRefresher {
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
  /** Stops the worker thread, if one was started. */
  close(): Promise<void>;
}

/** Refreshes `store`'s rollups, keeping one day builder (and its worker thread) between passes. */
export function createRollupRefresher(store: RollupStore): RollupRefresher {
  const builder = createDayBuilder(store.readDay, store.factsReader);
  return { refresh: (options) => refreshRollups(store, builder, options), close: () => builder.close() };
}

export async function refreshRollups(
  store: RollupStore,
  builder: DayBuilder,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const started = performance.now();
  if (options.frozenBefore) await store.dropDirtyBefore(options.frozenBefore);
  await store.dropCountedBefore(options.countedFrom ?? utcDay(Date.now() - DAY_MS));
  const max = options.maxDays ?? Number.POSITIVE_INFINITY;
  let days = 0;
  let updated = 0;
  const failures: Error[] = [];
  const seen = new Set<string>();
  while (days < max) {
    // A day re-marked during its rebuild comes back: once per pass is enough.
    const dirty = (await store.listDirtyDays(PAGE)).filter((d) => !seen.has(`${d.site}\u0000${d.day}`));
    if (dirty.length === 0) break;
    for (const d of dirty) {
      if (days >= max) break;
      seen.add(`${d.site}\u0000${d.day}`);
      let work: Awaited<ReturnType<DayBuilder['build']>>;
      try {
        work = await builder.build(d.site, d.day);
      } catch (error) {
        // One day that cannot be built (its worker ran out of memory) does not hold the others
        // back: it stays stale, and the pass reports it at the end.
        failures.push(new Error(`rollups of ${d.site} ${d.day}: ${String(error)}`, { cause: error }));
        continue;
      }
      if (work.kind === 'none') continue;
      if (work.kind === 'full') await store.writeDayRollups(d.site, d.day, work);
      else {
        await store.writeDayUpdate(d.site, d.day, work);
        updated += 1;
      }
      days += 1;
    }
  }
  await store.refreshTrails();
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} stale day(s) not built`);
  return { days, updated, ms: performance.now() - started };
}
