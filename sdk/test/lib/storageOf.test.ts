import { describe, expect, test } from 'vitest';
import { storageOf } from '../../src/lib/storageOf.js';

describe('storageOf', () => {
  test("returns the window's localStorage", () => {
    expect(storageOf(window)).toBe(window.localStorage);
  });

  test('returns null where touching localStorage throws (sandboxed frame)', () => {
    const sandboxed = {} as Window;
    Object.defineProperty(sandboxed, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(storageOf(sandboxed)).toBeNull();
  });
});
