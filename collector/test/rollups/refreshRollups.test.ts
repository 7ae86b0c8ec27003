/**
 * A stale day that cannot be built (its worker out of memory, say) does not hold the other
 * stale days back: they are written, and the pass then fails naming the day left stale.
 */
import { describe, expect, it } from 'vitest';
import type { DayBuilder } from '../../src/rollups/createDayBuilder.js';
import type { FullWork } from '../../src/rollups/refreshDay.js';
import { refreshRollups, type RollupStore } from '../../src/rollups/refreshRollups.js';

describe('refreshRollups', () => {
  it('builds the other stale days when one fails, then reports it', async () => {
    const written: string[] = [];
    let listed = false;
    const store = {
      listDirtyDays: async () => {
        if (listed) return [];
        listed = true;
        return [
          { site: 'demo', day: '2026-12-02', gen: 1 },
          { site: 'demo', day: '2026-12-01', gen: 1 },
        ];
      },
      writeDayRollups: async (_site: string, day: string) => void written.push(day),
      writeDayUpdate: async () => {},
      dropCountedBefore: async () => {},
      refreshTrails: async () => 0,
      dropDirtyBefore: async () => {},
    } as unknown as RollupStore;
    const builder: DayBuilder = {
      threaded: false,
      build: async (_site, day) => {
        if (day === '2026-12-02') throw new Error('rollup worker exited (1)');
        return { kind: 'full', gen: 1, top: 0, chunks: [], counted: [] } satisfies FullWork;
      },
      close: async () => {},
    };
    await expect(refreshRollups(store, builder)).rejects.toThrow(/1 stale day/);
    expect(written).toEqual(['2026-12-01']);
  });
});
