import { describe, expect, it, test } from 'vitest';
import { eachDay, parsePeriod, periodDays } from '../../src/lib/period.js';

const ms = (iso: string) => Date.parse(iso);
const NOW = ms('2024-03-10T15:30:00Z');

describe('parsePeriod', () => {
  it.each([
    [
      'date-only bounds: `to` includes its day',
      '2024-03-01',
      '2024-03-05',
      '2024-03-01T00:00:00Z',
      '2024-03-06T00:00:00Z',
    ],
    ['one day', '2024-03-01', '2024-03-01', '2024-03-01T00:00:00Z', '2024-03-02T00:00:00Z'],
    [
      'datetimes are taken as they are',
      '2024-03-01T10:00:00Z',
      '2024-03-01T12:30:00.500Z',
      '2024-03-01T10:00:00Z',
      '2024-03-01T12:30:00.500Z',
    ],
    [
      'datetimes with an offset',
      '2024-03-01T10:00+02:00',
      '2024-03-02T00:00-01:00',
      '2024-03-01T08:00:00Z',
      '2024-03-02T01:00:00Z',
    ],
    ['a leap day', '2024-02-29', '2024-02-29', '2024-02-29T00:00:00Z', '2024-03-01T00:00:00Z'],
  ])('%s', (_name, from, to, start, end) => {
    expect(parsePeriod(from, to, 30, NOW)).toEqual({ from: ms(start), to: ms(end) });
  });

  it('defaults to `defaultDays` days ending now', () => {
    const period = parsePeriod(undefined, undefined, 30, NOW);
    expect(period).toEqual({ from: ms('2024-02-10T00:00:00Z'), to: NOW });
    expect(periodDays(period)).toEqual({ fromDay: '2024-02-10', toDay: '2024-03-10' });
  });

  it('defaults to `defaultDays` days ending with a date-only `to`', () => {
    const period = parsePeriod(undefined, '2024-03-05', 7, NOW);
    expect(periodDays(period)).toEqual({ fromDay: '2024-02-28', toDay: '2024-03-05' });
    expect(eachDay(periodDays(period).fromDay, periodDays(period).toDay)).toHaveLength(7);
  });

  it('defaults to `defaultDays` days ending with a datetime `to`', () => {
    const inside = parsePeriod(undefined, '2024-03-05T12:00:00Z', 7, NOW);
    expect(periodDays(inside)).toEqual({ fromDay: '2024-02-28', toDay: '2024-03-05' });
    // A `to` at midnight is exclusive: the period ends with the day before.
    const midnight = parsePeriod(undefined, '2024-03-05T00:00:00Z', 7, NOW);
    expect(periodDays(midnight)).toEqual({ fromDay: '2024-02-27', toDay: '2024-03-04' });
  });

  it('gives a one-day default the current day only', () => {
    expect(periodDays(parsePeriod(undefined, undefined, 1, NOW))).toEqual({
      fromDay: '2024-03-10',
      toDay: '2024-03-10',
    });
  });

  it.each([
    ['`from` after `to`', '2024-03-05', '2024-03-01', /from must be before to/],
    [
      '`from` equal to a datetime `to`',
      '2024-03-01T10:00:00Z',
      '2024-03-01T10:00:00Z',
      /from must be before to/,
    ],
    ['`from` after now with no `to`', '2024-03-11', undefined, /from must be before to/],
    ['a word', 'yesterday', '2024-03-01', /from is not a valid date: yesterday/],
    ['month 13', '2024-01-01', '2024-13-01', /to is not a valid date/],
    ['February 30', '2024-02-30', '2024-03-05', /from is not a valid date/],
    ['February 29 of a common year', '2023-02-01', '2023-02-29', /to is not a valid date/],
    ['April 31 in a datetime', '2024-04-31T10:00:00Z', '2024-05-05', /from is not a valid date/],
    ['a non-ISO date', 'March 1, 2024', '2024-03-05', /from is not a valid date/],
  ])('refuses %s', (_name, from, to, message) => {
    expect(() => parsePeriod(from, to, 30, NOW)).toThrow(message);
  });

  it('refuses with a 400 error', () => {
    expect(() => parsePeriod('nope', undefined, 30, NOW)).toThrow(
      expect.objectContaining({ statusCode: 400 }),
    );
  });
});

describe('periodDays', () => {
  it('gives the inclusive UTC days of a half-open period', () => {
    expect(periodDays({ from: ms('2024-03-01T23:00:00Z'), to: ms('2024-03-03T00:00:00Z') })).toEqual({
      fromDay: '2024-03-01',
      toDay: '2024-03-02',
    });
  });
});

describe('eachDay', () => {
  it.each([
    ['one day', '2024-03-01', '2024-03-01', ['2024-03-01']],
    ['across a leap day', '2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['across a year', '2023-12-31', '2024-01-01', ['2023-12-31', '2024-01-01']],
    ['an empty span', '2024-03-02', '2024-03-01', []],
  ])('%s', (_name, fromDay, toDay, days) => {
    expect(eachDay(fromDay, toDay)).toEqual(days);
  });

  it('is not shifted by daylight saving time (UTC days)', () => {
    const days = eachDay('2024-03-01', '2024-04-30');
    expect(days).toHaveLength(61);
    expect(new Set(days).size).toBe(61);
  });
});

describe('period span bound', () => {
  test.each([
    ['ten years', '2016-01-01', '2025-12-31', true],
    ['a mistyped year', '0202-01-01', '2026-01-01', false],
    ['eleven years', '2015-01-01', '2025-12-31', false],
  ])('%s', (_name, from, to, ok) => {
    const run = () => parsePeriod(from, to, 30);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(/at most 3660 days/);
  });
});
