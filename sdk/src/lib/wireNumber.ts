/** The schemas' bound on durations and vital values (`ms` in `@sightline/protocol`): one day. */
const MAX_WIRE_NUMBER = 86_400_000;

/**
 * `value` rounded to `decimals` places, or undefined where the collector would refuse it
 * (NaN, negative, past a day): one such number gets a 400 that drops the whole batch.
 */
export function wireNumber(value: number, decimals = 0): number | undefined {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded >= 0 && rounded <= MAX_WIRE_NUMBER ? rounded : undefined;
}
