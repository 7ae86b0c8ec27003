/** What scroll depth is computed from; happy-dom does no layout, so tests set it. */
export interface ScrollGeometry {
  scrollY: number;
  innerHeight: number;
  scrollHeight: number;
}

/**
 * Makes `window.scrollY`, `window.innerHeight` and `document.documentElement.scrollHeight`
 * read from a geometry the test changes with `set()`; `reads()` counts the `scrollHeight`
 * reads (the costly one: it can force a layout). `restore()` puts the originals back.
 */
export function useScrollGeometry(initial: ScrollGeometry) {
  const geometry = { ...initial };
  let reads = 0;
  const restores: Array<() => void> = [];
  const define = (target: object, key: string, get: () => number): void => {
    const own = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { configurable: true, get });
    restores.push(() => {
      if (own) Object.defineProperty(target, key, own);
      else delete (target as Record<string, unknown>)[key];
    });
  };
  define(window, 'scrollY', () => geometry.scrollY);
  define(window, 'innerHeight', () => geometry.innerHeight);
  define(document.documentElement, 'scrollHeight', () => {
    reads++;
    return geometry.scrollHeight;
  });
  return {
    set: (change: Partial<ScrollGeometry>): void => {
      Object.assign(geometry, change);
    },
    reads: (): number => reads,
    restore: (): void => {
      while (restores.length) restores.pop()?.();
    },
  };
}
