/** Random report scopes over the three generated days: span, bot side, one filter or none. */
import fc from 'fast-check';
import type { ReportParams } from '../../../src/reports/types.js';
import { utcDate } from '../../utils/utcDays.js';
import type { Scope } from './bruteForce.js';
import { DAYS_AGO, PATHS } from './trafficArbitrary.js';

export const scopeArbitrary: fc.Arbitrary<Scope> = fc
  .record({
    first: fc.integer({ min: 0, max: 2 }),
    length: fc.integer({ min: 1, max: 3 }),
    bots: fc.constantFrom('exclude', 'include', 'only'),
    filter: fc.constantFrom(
      null,
      ['device', 'mobile'],
      ['country', 'DE'],
      ['referrer', 'a.example'],
      ['user', 'logged_in'],
      ['user', 'anonymous'],
      ['page', PATHS[0]],
      ['page', PATHS[2]],
    ),
  })
  .map((s) => ({
    days: [0, 1, 2].slice(s.first, Math.min(3, s.first + s.length)),
    bots: s.bots as Scope['bots'],
    filter: s.filter as Scope['filter'],
  }));

export function toParams(scope: Scope): ReportParams {
  const params: ReportParams = {
    site: 'demo',
    from: utcDate(DAYS_AGO[scope.days[0]!]!),
    to: utcDate(DAYS_AGO[scope.days[scope.days.length - 1]!]!),
    bots: scope.bots,
  };
  if (scope.filter) Object.assign(params, { [scope.filter[0]]: scope.filter[1] });
  return params;
}
