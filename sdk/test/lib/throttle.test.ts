import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { throttle } from '../../src/lib/throttle.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('throttle', () => {
  test('runs once at the end of the window, however many calls', () => {
    const fn = vi.fn();
    const throttled = throttle(fn, 100);
    for (let i = 0; i < 10; i++) throttled();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('a call after the run opens a new window', () => {
    const fn = vi.fn();
    const throttled = throttle(fn, 100);
    throttled();
    vi.advanceTimersByTime(100);
    throttled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  test('steady calls run it once per window', () => {
    const fn = vi.fn();
    const throttled = throttle(fn, 100);
    for (let i = 0; i < 50; i++) {
      throttled();
      vi.advanceTimersByTime(20);
    }
    expect(fn).toHaveBeenCalledTimes(10);
  });

  test('cancel() drops the pending run, and later calls work again', () => {
    const fn = vi.fn();
    const throttled = throttle(fn, 100);
    throttled();
    throttled.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    throttled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
