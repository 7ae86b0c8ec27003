/** coverPeriod: which trailing rows and daily rows add up to a period. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/time.js';
import { eachDay } from '../../src/lib/period.js';
import { coverPeriod, USER_TRAILS } from '../../src/storage/sqlite/trails.js';

const start = '2026-01-01';
const period = (n: number) => eachDay(start, addDays(start, n - 1));
const day = (i: number) => addDays(start, i - 1);
const SPANS = USER_TRAILS.spans;
const allFresh = (days: string[]) => new Map(days.map((d) => [d, true]));

describe('coverPeriod', () => {
  it('takes 30 days of fresh rows as one trailing row', () => {
    expect(coverPeriod(period(30), allFresh(period(30)), SPANS)).toEqual({
      trails: [[30, day(30)]],
      days: [],
    });
  });

  it('takes the longest span that fits from the end, then shorter ones, then days', () => {
    expect(coverPeriod(period(40), allFresh(period(40)), SPANS)).toEqual({
      trails: [
        [30, day(40)],
        [7, day(10)],
      ],
      days: [day(3), day(2), day(1)],
    });
  });

  it('reads a stale day from its daily rows and goes on before it', () => {
    const known = allFresh(period(31));
    known.set(day(31), false);
    expect(coverPeriod(period(31), known, SPANS)).toEqual({ trails: [[30, day(30)]], days: [day(31)] });
  });

  it('needs nothing for days without rows, and lets a span start or reach over them', () => {
    // Rows on days 1–5 and 12 of 12: day 12's 7-day span covers 6–12 (6–11 hold nothing).
    const known = new Map([1, 2, 3, 4, 5, 12].map((i) => [day(i), true]));
    expect(coverPeriod(period(12), known, SPANS)).toEqual({
      trails: [[7, day(12)]],
      days: [day(5), day(4), day(3), day(2), day(1)],
    });
    expect(coverPeriod(period(12), new Map(), SPANS)).toEqual({ trails: [], days: [] });
  });
});
