/**
 * The stored queue in IndexedDB, through idb-keyval: one database per site holding one
 * object store, a row per event. Each sync is one readwrite transaction, and IndexedDB runs
 * readwrite transactions on the same store one at a time, across tabs: that is the lock
 * under which a tab claims events. (Web Locks would also serialise tabs, but a page holding
 * a lock is kept out of the back/forward cache, https://github.com/w3c/web-locks/issues/81,
 * and `sendBeacon` in `pagehide` cannot wait for one.)
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { reconcile, type Changes, type QueueStore, type Row } from './reconcile.js';

/** `null` where there is no IndexedDB at all; a store that fails later rejects its syncs. */
export function createIdbStore(name: string): QueueStore | null {
  let use: UseStore;
  try {
    if (!indexedDB) return null;
    // Opens nothing yet: the database opens with the first sync.
    use = createStore(name, 'queue');
  } catch {
    return null;
  }
  return (op) =>
    use('readwrite', (store) => {
      let changes: Changes = { put: op.put, del: op.del, dropped: {}, next: 0 };
      const write = (): void => {
        for (const row of changes.put) store.put(row, row.k);
        for (const key of changes.del) store.delete(key);
        // Commits at once instead of when the page's tasks settle, which a closing page may never reach.
        store.transaction.commit?.();
      };
      if (op.full) {
        const all = store.getAll();
        // A throw here (rows of another format) aborts the transaction: the sync rejects.
        all.onsuccess = () => {
          changes = reconcile(all.result as Row[], op);
          write();
        };
      } else write();
      return promisifyRequest(store.transaction).then(() => changes);
    });
}
