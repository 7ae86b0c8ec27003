import type { Storage } from '../../src/storage/types.js';

/** `storage` with every method call counted by name, for query-count (N+1) tests. */
export function countStorageCalls(storage: Storage): { storage: Storage; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const counted = new Proxy(storage, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls[property] = (calls[property] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { storage: counted, calls };
}
