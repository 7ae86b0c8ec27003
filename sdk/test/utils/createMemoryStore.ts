import { reconcile, type Changes, type QueueStore, type Row } from '../../src/transport/reconcile.js';

type Key = Row['k'];

/** IndexedDB's key order for the keys the queue uses: strings before arrays, arrays item by item. */
function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'string' || typeof b === 'string') {
    if (typeof a !== typeof b) return typeof a === 'string' ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return (a[i] as number | string) < (b[i] as number | string) ? -1 : 1;
  }
  return 0;
}

/**
 * A `QueueStore` kept in memory that behaves like the IndexedDB one (the same `reconcile`,
 * rows in key order, each sync atomic), answering in microtasks so fake timers drive it.
 * Give the same store to two queues and they are two tabs of one browser; give it to a new
 * queue and that is the next page load. `rows()` is what is stored; `syncs` every sync run.
 */
export function createMemoryStore() {
  let rows: Row[] = [];
  const syncs: Parameters<QueueStore>[0][] = [];
  const store: QueueStore = async (op) => {
    syncs.push(op);
    const changes: Changes = op.full ? reconcile(rows, op) : { put: op.put, del: op.del, dropped: {}, next: 0 };
    const byKey = new Map(rows.map((row) => [JSON.stringify(row.k), row]));
    for (const row of changes.put) byKey.set(JSON.stringify(row.k), structuredClone(row));
    for (const key of changes.del) byKey.delete(JSON.stringify(key));
    rows = [...byKey.values()].sort((a, b) => compareKeys(a.k, b.k));
    return structuredClone(changes);
  };
  return { store, syncs, rows: () => rows };
}
