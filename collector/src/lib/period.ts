/** `from`/`to` query values (ISO dates or datetimes) → epoch-ms bounds and UTC days. */
import { InvalidQueryError } from '../errors.js';
import { utcDay } from './time.js';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Longest period a report or list takes: ten years (a mistyped year must not stall a report). */
export const MAX_PERIOD_DAYS = 3660;

export const ISO_DATE_OR_DATETIME =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

/** `Date.parse` rolls 2024-02-30 over to March 1; a real calendar day reads back unchanged. */
function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && utcDay(ms) === day;
}

function parse(text: string, field: string): number {
  const ms = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms) || !isCalendarDay(text.slice(0, 10))) {
    throw new InvalidQueryError(`${field} is not a valid date: ${text}`);
  }
  return ms;
}

/** Half-open [from, to) in epoch ms. A date-only `to` includes that whole day. */
export interface Period {
  from: number;
  to: number;
}

export function parsePeriod(
  from: string | undefined,
  to: string | undefined,
  defaultDays: number,
  now = Date.now(),
): Period {
  const end = to ? parse(to, 'to') + (DATE_ONLY.test(to) ? DAY_MS : 0) : now;
  // `defaultDays` whole days ending with the last day in the period (`end` is exclusive).
  const start = from
    ? parse(from, 'from')
    : Math.floor((end - 1) / DAY_MS) * DAY_MS - (defaultDays - 1) * DAY_MS;
  if (start >= end) throw new InvalidQueryError('from must be before to');
  if (end - start > MAX_PERIOD_DAYS * DAY_MS) {
    throw new InvalidQueryError(`a period may span at most ${MAX_PERIOD_DAYS} days`);
  }
  return { from: start, to: end };
}

/** Inclusive UTC days covering a period. */
export function periodDays(period: Period): { fromDay: string; toDay: string } {
  return { fromDay: utcDay(period.from), toDay: utcDay(period.to - 1) };
}

/** Every UTC day from `fromDay` to `toDay`, inclusive. */
export function eachDay(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${fromDay}T00:00:00Z`); utcDay(t) <= toDay; t += DAY_MS) days.push(utcDay(t));
  return days;
}
