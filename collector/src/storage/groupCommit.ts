/**
 * Group commit: writes that arrive while a transaction is in flight wait and are committed
 * together in the next one, so N concurrent requests cost one fsync instead of N.
 * Driver-neutral; each driver supplies `commitGroup`, which runs one transaction.
 */

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
  /** Resolves when nothing is pending or in flight. */
  drain(): Promise<void>;
}

export function createGroupCommit<T, R>(
  commitGroup: (items: T[]) => Promise<R[]>,
  maxGroup = 256,
): GroupCommit<T, R> {
  const queue: Pending<T, R>[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const group = queue.splice(0, maxGroup);
      try {
        const results = await commitGroup(group.map((p) => p.item));
        group.forEach((p, i) => p.resolve(results[i] as R));
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
  }

  function kick(): void {
    if (running) return;
    // Start on a later tick so that requests parsed in the same turn share a transaction.
    running = new Promise<void>((resolve) => setImmediate(resolve)).then(run).finally(() => {
      running = null;
      if (queue.length > 0) kick();
    });
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
