import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { captureScroll } from '../../src/capture/scroll.js';
import type { LeaveReason } from '../../src/types.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { trackListeners } from '../utils/trackListeners.js';
import { useScrollGeometry, type ScrollGeometry } from '../utils/useScrollGeometry.js';

// A 4000 px page in an 800 px viewport: the top of the page shows 20 %.
const PAGE: ScrollGeometry = { scrollY: 0, innerHeight: 800, scrollHeight: 4000 };

let geometry: ReturnType<typeof useScrollGeometry>;
let fake: ReturnType<typeof createFakeCaptureContext>;
let stop: (() => void) | undefined;

function start(): void {
  fake = createFakeCaptureContext();
  stop = captureScroll(fake.ctx);
}

/** The depths sent so far. */
const depths = (): unknown[] => fake.emitted.map((e) => (e.type === 'scroll' ? e.fields.depth : e));

/** Scrolls to `scrollY` and lets the throttled measurement run. */
function scrollTo(scrollY: number): void {
  geometry.set({ scrollY });
  window.dispatchEvent(new Event('scroll'));
  vi.advanceTimersByTime(100);
}

beforeEach(() => {
  vi.useFakeTimers();
  geometry = useScrollGeometry(PAGE);
});

afterEach(() => {
  stop?.();
  stop = undefined;
  geometry.restore();
  restoreProperties();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('captureScroll: depth', () => {
  test.each([
    // scrollY, innerHeight, scrollHeight → depth
    [0, 800, 4000, 20],
    [1600, 800, 4000, 60],
    [3200, 800, 4000, 100],
    [3500, 800, 4000, 100], // overscroll past the end
    [-100, 800, 4000, 18], // rubber-banding above the top
    [-900, 800, 4000, 0],
    [333, 0, 1000, 33], // rounds down
    [335, 0, 1000, 34], // rounds half up
    [0, 800, 800, 100], // content exactly fits
    [0, 800, 300, 100], // content shorter than the viewport
    [0, 800, 0, 100], // empty document
  ])('scrollY %i, viewport %i, page %i → %i', (scrollY, innerHeight, scrollHeight, expected) => {
    geometry.set({ scrollY, innerHeight, scrollHeight });
    start();
    fake.leave('pagehide');
    expect(depths()).toEqual([expected]);
  });

  test('a page that does not scroll counts 100 from load, even if content is added later', () => {
    geometry.set({ scrollHeight: 600 });
    start();
    vi.advanceTimersByTime(100);
    // An infinite feed appends content; the SPA then navigates (no measurement at navigate).
    geometry.set({ scrollHeight: 8000 });
    fake.leave('navigate');
    expect(depths()).toEqual([100]);
  });

  test('before load nothing is measured; load measures', () => {
    overrideProperty(document, 'readyState', 'loading');
    geometry.set({ scrollHeight: 100 }); // half-parsed: would look like it fits
    start();
    vi.advanceTimersByTime(1000);
    expect(geometry.reads()).toBe(0);
    geometry.set({ scrollHeight: 4000 });
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(100);
    expect(geometry.reads()).toBe(1);
    fake.leave('navigate');
    expect(depths()).toEqual([20]);
  });

  test('keeps the deepest point, not the last position', () => {
    start();
    scrollTo(2400); // 80 %
    scrollTo(0);
    fake.leave('pagehide');
    expect(depths()).toEqual([80]);
  });
});

describe('captureScroll: throttling', () => {
  test('the scroll listener is passive', () => {
    const add = vi.spyOn(window, 'addEventListener');
    start();
    expect(add).toHaveBeenCalledWith('scroll', expect.any(Function), { passive: true, capture: false });
  });

  test('a burst of scroll events costs two measurements: at its first event and 100 ms later', () => {
    start();
    vi.advanceTimersByTime(200); // the measurement at start, and the end of its window
    const before = geometry.reads();
    for (let i = 0; i < 50; i++) window.dispatchEvent(new Event('scroll'));
    expect(geometry.reads()).toBe(before + 1);
    vi.advanceTimersByTime(99);
    expect(geometry.reads()).toBe(before + 1);
    vi.advanceTimersByTime(1);
    expect(geometry.reads()).toBe(before + 2);
    vi.advanceTimersByTime(1000);
    expect(geometry.reads()).toBe(before + 2);
  });

  test('the depth is the page as it was when the reader scrolled: later changes of the page do not move it', () => {
    start();
    vi.advanceTimersByTime(100);
    scrollTo(1600); // 60 %
    // A feed appends content; another page removes it so that the rest fits the viewport.
    geometry.set({ scrollHeight: 40_000 });
    vi.advanceTimersByTime(1000);
    geometry.set({ scrollHeight: 2000 });
    fake.leave('hidden');
    expect(depths()).toEqual([60]);
  });

  test('one second of scroll events every 10 ms: at most 11 measurements', () => {
    start();
    vi.advanceTimersByTime(100);
    const before = geometry.reads();
    for (let i = 0; i < 100; i++) {
      geometry.set({ scrollY: i * 30 });
      window.dispatchEvent(new Event('scroll'));
      vi.advanceTimersByTime(10);
    }
    expect(geometry.reads() - before).toBeLessThanOrEqual(11);
  });

  test('the measurement reads the position at its time, not at the first event', () => {
    start();
    window.dispatchEvent(new Event('scroll'));
    geometry.set({ scrollY: 1600 });
    vi.advanceTimersByTime(100);
    fake.leave('navigate');
    expect(depths()).toEqual([60]);
  });

  test('a failing measurement never reaches the page', () => {
    start();
    Object.defineProperty(document.documentElement, 'scrollHeight', {
      configurable: true,
      get: () => {
        throw new Error('layout exploded');
      },
    });
    window.dispatchEvent(new Event('scroll'));
    expect(() => vi.advanceTimersByTime(100)).not.toThrow();
    expect(fake.debug).toContain('scroll depth not measured');
  });
});

describe('captureScroll: sending on leave', () => {
  test.each<[string, Array<LeaveReason | number>, number[]]>([
    // Steps: a number scrolls to that scrollY (then measures), a reason leaves the page.
    ['first leave sends', ['hidden'], [20]],
    ['hidden twice without change: one send', ['hidden', 'hidden'], [20]],
    ['hidden then pagehide, same depth: one send', ['hidden', 'pagehide'], [20]],
    ['deeper after hidden: sends again', ['hidden', 1600, 'hidden'], [20, 60]],
    ['shallower after hidden: nothing new', [1600, 'hidden', 0, 'hidden', 'pagehide'], [60]],
    ['deeper after hidden, then pagehide', [800, 'hidden', 2400, 'pagehide'], [40, 80]],
  ])('%s', (_name, steps, expected) => {
    start();
    vi.advanceTimersByTime(100);
    for (const step of steps) {
      if (typeof step === 'number') scrollTo(step);
      else fake.leave(step);
    }
    expect(depths()).toEqual(expected);
  });

  test('navigate sends what was measured on the page, not the next route', () => {
    start();
    scrollTo(1600); // 60 %
    // The router has already rendered a long next page, scrolled to its top.
    geometry.set({ scrollY: 0, scrollHeight: 10_000 });
    fake.leave('navigate');
    expect(depths()).toEqual([60]);
  });

  test('after navigate, the next page is measured from its current position', () => {
    start();
    scrollTo(3200); // 100 %
    fake.leave('hidden');
    geometry.set({ scrollY: 0, scrollHeight: 8000 }); // next route, at its top: 10 %
    fake.leave('navigate'); // nothing new for the first page
    expect(depths()).toEqual([100]);
    vi.advanceTimersByTime(100);
    fake.leave('pagehide');
    expect(depths()).toEqual([100, 10]);
  });

  test('a route left before it was measured sends nothing', () => {
    start();
    vi.advanceTimersByTime(100);
    fake.leave('navigate');
    fake.leave('navigate');
    expect(depths()).toEqual([20]);
  });

  test('leaving before the first measurement measures on hidden and pagehide', () => {
    geometry.set({ scrollY: 800 });
    start();
    fake.leave('hidden');
    expect(depths()).toEqual([40]);
  });
});

describe('captureScroll: stop()', () => {
  test('removes every listener, the leave handler and a pending measurement', () => {
    const listeners = trackListeners({ window, document });
    start();
    window.dispatchEvent(new Event('scroll'));
    expect(listeners.active()).toEqual(['window:scroll']);
    stop?.();
    stop = undefined;
    expect(listeners.active()).toEqual([]);
    expect(fake.leaveHandlers.size).toBe(0);
    const reads = geometry.reads();
    vi.advanceTimersByTime(1000);
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1000);
    expect(geometry.reads()).toBe(reads);
  });

  test('before load: the load listener goes too', () => {
    overrideProperty(document, 'readyState', 'loading');
    const listeners = trackListeners({ window, document });
    start();
    expect(listeners.active()).toEqual(['window:scroll', 'window:load']);
    stop?.();
    stop = undefined;
    expect(listeners.active()).toEqual([]);
  });
});
