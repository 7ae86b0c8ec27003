/**
 * Where each page keeps its unsent events across a crash, a closed tab or an offline
 * spell: IndexedDB through idb-keyval, one database per site, one row per page (its own
 * random key) holding that page's whole list. A page writes only its own row; a later page
 * load reads every row to adopt those of pages that are gone (`queue.ts`).
 */
import type { SightlineEvent } from '@sightline/protocol';
import { createStore, promisifyRequest } from 'idb-keyval';

/** A page's stored list. The one-letter names are the stored format. */
export interface StoredPage {
  /** When the page last wrote it (epoch ms). */
  t: number;
  /** Set when the page was left (`pagehide`): its list is an orphan at once. */
  g?: 1;
  /** Its unsent events, oldest first. */
  e: SightlineEvent[];
}

export interface PageStore {
  /** Writes (or with no value, deletes) the row under `key`. */
  put(key: string, value?: StoredPage): Promise<unknown>;
  /** Every row: `[key, value]`. */
  all(): Promise<[string, StoredPage][]>;
  del(keys: string[]): Promise<unknown>;
}

/** `null` where there is no IndexedDB; a store that fails later rejects. */
export function createPageStore(name: string): PageStore | null {
  try {
    if (!indexedDB) return null;
    // Opens nothing yet: the database opens with the first write.
    const use = createStore(name, 'pages');
    const write = (fn: (store: IDBObjectStore) => void): Promise<unknown> =>
      use('readwrite', (store) => {
        fn(store);
        // Commits at once instead of when the page's tasks settle, which a closing page may never reach.
        store.transaction.commit?.();
        return promisifyRequest(store.transaction);
      });
    return {
      put: (key, value) => write((store) => (value ? store.put(value, key) : store.delete(key))),
      all: () =>
        use('readonly', (store) =>
          Promise.all([promisifyRequest(store.getAllKeys()), promisifyRequest(store.getAll())]).then(([keys, values]) =>
            keys.map((key, i) => [key as string, values[i] as StoredPage]),
          ),
        ),
      del: (keys) => write((store) => keys.forEach((key) => store.delete(key))),
    };
  } catch {
    return null;
  }
}
