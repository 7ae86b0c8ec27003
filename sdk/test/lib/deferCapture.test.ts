import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { deferCapture } from '../../src/lib/deferCapture.js';
import type { Capture } from '../../src/types.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** happy-dom has no requestIdleCallback: `onIdle` falls back to its 2 s timeout. */
const IDLE_MS = 2000;

describe('deferCapture', () => {
  test('loads nothing at start; at idle loads the capture once and starts it with the context', async () => {
    const stop = vi.fn();
    const capture = vi.fn<Capture>(() => stop);
    const load = vi.fn(async () => capture);
    const fake = createFakeCaptureContext();
    const stopDeferred = deferCapture(load)(fake.ctx);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(load).toHaveBeenCalledTimes(1);
    expect(capture).toHaveBeenCalledWith(fake.ctx);
    stopDeferred();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test('stopped before idle: never loads', async () => {
    const load = vi.fn(async () => vi.fn<Capture>(() => () => undefined));
    deferCapture(load)(createFakeCaptureContext().ctx)();
    await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
    expect(load).not.toHaveBeenCalled();
  });

  test('stopped while loading: the loaded capture never starts', async () => {
    const capture = vi.fn<Capture>(() => () => undefined);
    let resolve: (c: Capture) => void = () => undefined;
    const stopDeferred = deferCapture(() => new Promise<Capture>((r) => (resolve = r)))(
      createFakeCaptureContext().ctx,
    );
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    stopDeferred();
    resolve(capture);
    await vi.advanceTimersByTimeAsync(0);
    expect(capture).not.toHaveBeenCalled();
  });

  test('a load that fails or throws is logged in debug, never thrown', async () => {
    const fake = createFakeCaptureContext();
    deferCapture(() => Promise.reject(new Error('404')))(fake.ctx);
    deferCapture(() => {
      throw new TypeError('Invalid URL');
    })(fake.ctx);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(fake.debug).toEqual(['capture not loaded', 'capture not loaded']);
  });
});
