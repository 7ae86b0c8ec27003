/**
 * Builds a stale day's rollup rows, ready to write: read in one snapshot, aggregated, cut
 * into chunks. In a worker thread when the store can be read from one (a database file), so
 * that a day of a million events or a crawler's session never blocks the event loop that
 * answers ingest and /healthz; on this thread otherwise (an in-memory database, or sources
 * run without a build, as in the tests).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { refreshDay, type DayWork, type ReadDaySnapshot } from './refreshDay.js';

/** A module that exports `openDayFactsReader(...args): Promise<FactsReader>`, and its arguments. */
export interface FactsReaderSource {
  module: string;
  args: unknown[];
}

export interface FactsReader {
  /** Reads a day in one snapshot. */
  read: ReadDaySnapshot;
  close(): Promise<void>;
}

export interface BuildRequest {
  id: number;
  site: string;
  day: string;
}
export type BuildReply = { id: number } & ({ work: DayWork } | { error: string });

export interface DayBuilder {
  build(site: string, day: string): Promise<DayWork>;
  /** Whether days are built off this thread. */
  readonly threaded: boolean;
  close(): Promise<void>;
}

const WORKER = new URL('./rollupWorker.js', import.meta.url);
/** The rollup worker's old generation at most (MiB). */
export const WORKER_HEAP_MB = 256;

/**
 * `local` reads on this thread; `source` (when given and the worker script is built) is read
 * by the worker instead.
 */
export function createDayBuilder(local: FactsReader['read'], source: FactsReaderSource | null): DayBuilder {
  if (!source || !existsSync(fileURLToPath(WORKER))) {
    return {
      threaded: false,
      build: (site, day) => refreshDay(local, site, day),
      close: async () => {},
    };
  }
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (work: DayWork) => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    worker = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = () => {
    // A bounded heap: the worker collects its garbage instead of growing (a day's reads are
    // let go as they are added up; a 230k-event day's sums peak under 100 MB).
    const w = new Worker(WORKER, {
      workerData: source,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // An idle worker does not keep the process alive (a busy one does).
    w.unref();
    w.on('message', (reply: BuildReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if ('error' in reply) p.reject(new Error(`rollup worker: ${reply.error}`));
      else p.resolve(reply.work);
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`rollup worker exited (${code})`));
    });
    return w;
  };
  return {
    threaded: true,
    build(site, day) {
      worker ??= start();
      const id = (next += 1);
      return new Promise<DayWork>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.ref();
        worker!.postMessage({ id, site, day } satisfies BuildRequest);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      fail(new Error('rollup worker closed'));
    },
  };
}
