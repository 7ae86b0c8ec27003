import { describe, expect, test } from 'vitest';
import { byteLength } from '../../src/lib/byteLength.js';

describe('byteLength', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['語', 3],
    ['😀', 4],
    ['a語😀', 8],
  ])('%j is %i bytes in UTF-8', (text, bytes) => {
    expect(byteLength(text)).toBe(bytes);
  });
});
