import { describe, expect, test } from 'vitest';
import { addSample, standardDeviation, type RunningStats } from '../../src/lib/runningStats.js';

function statsOf(values: number[]): RunningStats {
  const s: RunningStats = [0, 0, 0];
  for (const x of values) addSample(s, x);
  return s;
}

describe('runningStats', () => {
  test.each<[string, number[], number, number]>([
    ['nothing', [], 0, 0],
    ['one sample (no spread yet)', [5], 5, 0],
    ['a constant', [3, 3, 3, 3], 3, 0],
    ['2, 4, 4, 4, 5, 5, 7, 9', [2, 4, 4, 4, 5, 5, 7, 9], 5, Math.sqrt(32 / 7)],
    [
      'large values close together (no cancellation)',
      [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16],
      1e9 + 10,
      Math.sqrt(30),
    ],
  ])('%s', (_name, values, mean, sd) => {
    const s = statsOf(values);
    expect(s[0]).toBe(values.length);
    expect(s[1]).toBeCloseTo(mean, 6);
    expect(standardDeviation(s)).toBeCloseTo(sd, 6);
  });
});
