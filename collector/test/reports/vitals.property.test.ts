/**
 * The vitals report's good / poor shares follow the official thresholds, for samples drawn
 * around them (the random traffic of reports.property.test.ts seldom lands there).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vitalsReport } from '../../src/reports/vitals.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { insertEvents } from '../utils/insertEvents.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { VITAL_LIMITS, type VitalName } from './utils/bruteForcePages.js';

const NAMES = Object.keys(VITAL_LIMITS) as VitalName[];
/** A sample at one of its metric's thresholds or a unit (a thousandth for CLS) either side. */
const sample = fc
  .record({ metric: fc.constantFrom(...NAMES), poor: fc.boolean(), delta: fc.integer({ min: -1, max: 1 }) })
  .map(({ metric, poor, delta }) => {
    const limit = poor ? VITAL_LIMITS[metric].poor : VITAL_LIMITS[metric].good;
    return {
      metric,
      value: metric === 'CLS' ? Math.round((limit + delta / 1000) * 1000) / 1000 : limit + delta,
    };
  });
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

describe('vitals report (property)', () => {
  it('rates samples at the official thresholds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sample, { minLength: 10, maxLength: 40 }), async (samples) => {
        const storage = await createSqliteStorage(':memory:');
        try {
          await storage.migrate();
          await storage.ensureSites(['demo']);
          await insertEvents(
            storage,
            samples.map((s, i) =>
              makeEventRow({
                type: 'vital',
                name: s.metric,
                ts: utcMidnight(1) + 3_600_000 + i,
                data: JSON.stringify({ value: s.value }),
              }),
            ),
          );
          await storage.refreshRollups();
          const result = await vitalsReport.run(storage, {
            site: 'demo',
            from: utcDate(1),
            to: utcDate(1),
            bots: 'include',
          });
          for (const metric of NAMES) {
            const values = samples.filter((s) => s.metric === metric).map((s) => s.value);
            const { good, poor } = VITAL_LIMITS[metric];
            const got = result.overall.find((v) => v.metric === metric)!;
            expect({ metric, samples: got.samples, good: got.good ?? 0, poor: got.poor ?? 0 }).toEqual({
              metric,
              samples: values.length,
              good: share(values.filter((v) => v <= good).length, values.length),
              poor: share(values.filter((v) => v > poor).length, values.length),
            });
          }
        } finally {
          await storage.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
