import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';

/**
 * Gives the page a fresh, empty IndexedDB (fake-indexeddb), shared by every store opened
 * until the next call. Undo with `vi.unstubAllGlobals()`. fake-indexeddb runs on
 * `setImmediate`: fake only `setTimeout`, `clearTimeout` and `Date` beside it.
 */
export function stubIndexedDB(): IDBFactory {
  const factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  return factory;
}
