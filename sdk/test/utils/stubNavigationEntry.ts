import { vi } from 'vitest';

/**
 * Makes `performance.getEntriesByType('navigation')` return `entry` (none when undefined),
 * a page load starting at 0 unless `startTime` is given. The returned object is live:
 * change its fields to move time on. Undo with `vi.restoreAllMocks()`.
 */
export function stubNavigationEntry(
  entry: Partial<Record<keyof PerformanceNavigationTiming, unknown>> | undefined,
): Partial<Record<keyof PerformanceNavigationTiming, unknown>> | undefined {
  const live = entry && { entryType: 'navigation', startTime: 0, ...entry };
  vi.spyOn(performance, 'getEntriesByType').mockImplementation(
    (type: string) => (type === 'navigation' && live ? [live] : []) as PerformanceEntryList,
  );
  return live;
}
