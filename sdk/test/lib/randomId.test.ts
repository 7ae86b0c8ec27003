import { describe, expect, test, vi } from 'vitest';
import { randomId } from '../../src/lib/randomId.js';
import { idString } from '../utils/idPattern.js';

describe('randomId', () => {
  test('is 21 url-safe characters the collector accepts as an id', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
      expect(id).toMatch(idString);
    }
  });

  test('never repeats over 20 000 ids', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => randomId()));
    expect(ids.size).toBe(20_000);
  });

  test('uses the whole 64-character alphabet', () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => randomId()).join(''));
    expect(seen.size).toBe(64);
  });

  test('maps every random byte onto the alphabet (no undefined characters)', () => {
    const bytes = Uint8Array.from({ length: 21 }, (_, i) => 255 - i * 12);
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).set(bytes);
      return array;
    });
    try {
      expect(randomId()).toMatch(/^[A-Za-z0-9_-]{21}$/);
    } finally {
      spy.mockRestore();
    }
  });
});
