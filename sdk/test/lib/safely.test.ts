import { describe, expect, test, vi } from 'vitest';
import { safely } from '../../src/lib/safely.js';

describe('safely', () => {
  test('passes arguments through and returns the result', () => {
    const add = safely((a: number, b: number) => a + b);
    expect(add(2, 3)).toBe(5);
  });

  test.each([
    ['an Error', new Error('boom')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['a DOMException', new DOMException('denied', 'SecurityError')],
  ])('swallows %s and returns undefined', (_, thrown) => {
    const fn = safely(() => {
      throw thrown;
    });
    expect(() => fn()).not.toThrow();
    expect(fn()).toBeUndefined();
  });

  test('hands the error to onError', () => {
    const error = new Error('boom');
    const onError = vi.fn();
    safely(() => {
      throw error;
    }, onError)();
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
  });

  test('does not call onError when nothing throws', () => {
    const onError = vi.fn();
    safely(() => 1, onError)();
    expect(onError).not.toHaveBeenCalled();
  });
});
