import { afterEach, beforeEach, vi } from 'vitest';
import { captureClicks, createClickCapture, type ClickCaptureOptions } from '../../src/capture/clicks.js';
import { createFakeCaptureContext } from './createFakeCaptureContext.js';
import { resetPage } from './resetPage.js';
import { stayOnPage } from './stayOnPage.js';

export interface ClickCaptureHarness {
  /** The fake context of the capture started last. */
  readonly fake: ReturnType<typeof createFakeCaptureContext>;
  /** Starts the click capture (the default one, or one made with `options`). */
  start(options?: ClickCaptureOptions): void;
  /** Past the burst window: every pending click gets its verdict and is sent. */
  settle(): void;
  /** Stops the capture now (it is stopped after each test anyway). */
  stop(): void;
}

/** Fake timers, a page at `/page` that links never leave, and the capture stopped after each test. */
export function useClickCapture(): ClickCaptureHarness {
  let fake: ReturnType<typeof createFakeCaptureContext>;
  let stop: (() => void) | undefined;
  let stopStaying: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    resetPage('/page');
    stopStaying = stayOnPage();
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    stopStaying();
    document.body.innerHTML = '';
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
  return {
    get fake() {
      return fake;
    },
    start(options) {
      fake = createFakeCaptureContext();
      stop = (options ? createClickCapture(options) : captureClicks)(fake.ctx);
    },
    settle() {
      vi.advanceTimersByTime(1000);
    },
    stop() {
      stop?.();
      stop = undefined;
    },
  };
}
