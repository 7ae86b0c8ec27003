/** Per-site listeners in this process (the in-memory feed, and where Redis messages land). */
export interface LocalFeed {
  emit(site: string): void;
  subscribe(site: string, onEvents: () => void): () => void;
}

export function createLocalFeed(): LocalFeed {
  const listeners = new Map<string, Set<() => void>>();
  return {
    emit(site) {
      for (const listener of listeners.get(site) ?? []) listener();
    },
    subscribe(site, onEvents) {
      const set = listeners.get(site) ?? new Set();
      listeners.set(site, set.add(onEvents));
      return () => {
        set.delete(onEvents);
        if (set.size === 0 && listeners.get(site) === set) listeners.delete(site);
      };
    },
  };
}
