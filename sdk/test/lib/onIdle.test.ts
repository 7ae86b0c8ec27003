import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { onIdle } from '../../src/lib/onIdle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('onIdle', () => {
  test('without requestIdleCallback: runs after the timeout, or never once cancelled', () => {
    const fn = vi.fn();
    onIdle(fn, 100);
    const cancelled = vi.fn();
    onIdle(cancelled, 100)();
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });

  test('with requestIdleCallback: hands it the timeout, and cancels through it', () => {
    const request = vi.fn(() => 7);
    const cancel = vi.fn();
    vi.stubGlobal('requestIdleCallback', request);
    vi.stubGlobal('cancelIdleCallback', cancel);
    const fn = vi.fn();
    const stop = onIdle(fn, 5000);
    expect(request).toHaveBeenCalledWith(fn, { timeout: 5000 });
    stop();
    expect(cancel).toHaveBeenCalledWith(7);
  });
});
