import { describe, expect, it } from 'vitest';
import { noisyOr } from '../../../src/scoring/lib/noisyOr.js';

describe('noisyOr', () => {
  it.each([
    [[], 0],
    [[0.5], 0.5],
    [[0.5, 0.5], 0.75],
    [[0.1, 0.1, 0.1], 0.271],
    [[1, 0.2], 1],
    [[2, -1], 1],
  ])('%j → %f', (input, expected) => {
    expect(noisyOr(input)).toBeCloseTo(expected, 6);
  });
});
