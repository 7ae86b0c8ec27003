import { describe, expect, test } from 'vitest';
import { clamp } from '../../src/lib/clamp.js';

describe('clamp', () => {
  test.each([
    ['', 5, ''],
    ['abc', 5, 'abc'],
    ['abcde', 5, 'abcde'],
    ['abcdef', 5, 'abcde'],
    ['x'.repeat(3000), 2048, 'x'.repeat(2048)],
    ['abc', 0, ''],
  ])('clamp(%j, %i) → %j', (text, max, expected) => {
    expect(clamp(text, max)).toBe(expected);
  });

  test('returns the same string when it fits', () => {
    const text = 'short';
    expect(clamp(text, 10)).toBe(text);
  });
});
