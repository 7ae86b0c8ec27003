/**
 * Group commit: writes that arrive while a transaction is in flight wait and are committed
 * together in the next one, so N concurrent requests cost one transaction instead of N; the
 * busier the store, the larger the groups. Pending work is bounded: past `maxPending` (in
 * the weight of the items, events for ingest) `submit` refuses at once with
 * `OverloadedError` instead of queueing without end.
 */

interface Pending<T, R> {
  item: T;
  weight: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<T> {
  /** Most items in one group. */
  maxGroup?: number;
  /** Most weight in one group (the first item of a group is always taken). */
  maxGroupWeight?: number;
  /** Most weight waiting for a group (items in flight not counted). */
  maxPending?: number;
  /**
   * Groups handed to `commitGroup` before the first settles (default 1). With 2, the next
   * group is folded and queued while the one before it writes; `commitGroup` orders them.
   */
  inFlight?: number;
  weigh?: (item: T) => number;
  /** Called after each group settles: its items, weight and how long it took (ms). */
  onGroup?: (items: number, weight: number, ms: number, ok: boolean) => void;
}

export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
  /** Resolves when nothing is pending or in flight. */
  drain(): Promise<void>;
  /** Weight waiting for a group. */
  pending(): number;
  /** Weight in groups handed to `commitGroup` and not settled. */
  writing(): number;
  /** Waiting weight is at the bound: the next submit is refused. */
  full(): boolean;
}

export class OverloadedError extends Error {
  override name = 'OverloadedError';
}

export function createGroupCommit<T, R>(
  commitGroup: (items: T[]) => Promise<R[]>,
  options: GroupCommitOptions<T> | number = {},
): GroupCommit<T, R> {
  const {
    maxGroup = 256,
    maxGroupWeight = Number.POSITIVE_INFINITY,
    maxPending = Number.POSITIVE_INFINITY,
    weigh = () => 1,
    onGroup,
    inFlight = 1,
  } = typeof options === 'number' ? { maxGroup: options } : options;
  let queue: Pending<T, R>[] = [];
  let queued = 0;
  /** Groups handed to `commitGroup` and not settled. */
  let active = 0;
  let activeWeight = 0;
  let scheduled = false;
  /** Resolved when nothing is pending or in flight (`drain`). */
  let idle: { promise: Promise<void>; resolve: () => void } | null = null;

  function take(): Pending<T, R>[] {
    let n = 0;
    let weight = 0;
    while (n < queue.length && n < maxGroup) {
      const w = queue[n]!.weight;
      if (n > 0 && weight + w > maxGroupWeight) break;
      weight += w;
      n += 1;
    }
    const group = n === queue.length ? queue : queue.slice(0, n);
    queue = n === queue.length ? [] : queue.slice(n);
    queued -= weight;
    return group;
  }

  async function commit(group: Pending<T, R>[]): Promise<void> {
    const started = performance.now();
    const weight = group.reduce((sum, p) => sum + p.weight, 0);
    activeWeight += weight;
    try {
      const results = await commitGroup(group.map((p) => p.item));
      onGroup?.(group.length, weight, performance.now() - started, true);
      group.forEach((p, i) => p.resolve(results[i] as R));
    } catch (error) {
      onGroup?.(group.length, weight, performance.now() - started, false);
      for (const p of group) p.reject(error);
    } finally {
      activeWeight -= weight;
    }
  }

  function pump(): void {
    scheduled = false;
    while (queue.length > 0 && active < inFlight) {
      active += 1;
      void commit(take()).finally(() => {
        active -= 1;
        pump();
      });
    }
    if (queue.length === 0 && active === 0 && idle) {
      idle.resolve();
      idle = null;
    }
  }

  function kick(): void {
    if (scheduled || active >= inFlight) return;
    scheduled = true;
    // Start on a later tick so that requests parsed in the same turn share a transaction.
    setImmediate(pump);
  }

  return {
    submit(item) {
      const weight = weigh(item);
      if (queue.length > 0 && queued + weight > maxPending) {
        return Promise.reject(new OverloadedError(`ingest queue full (${queued} pending)`));
      }
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, weight, resolve, reject });
        queued += weight;
        kick();
      });
    },
    drain() {
      if (queue.length === 0 && active === 0 && !scheduled) return Promise.resolve();
      if (!idle) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        idle = { promise, resolve };
      }
      return idle.promise;
    },
    pending: () => queued,
    writing: () => activeWeight,
    full: () => queued >= maxPending,
  };
}
