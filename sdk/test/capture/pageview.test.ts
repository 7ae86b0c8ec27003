import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { capturePageviews } from '../../src/capture/pageview.js';
import { utcOffset } from '../../src/lib/pageContext.js';
import { changeHash } from '../utils/changeHash.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';
import { createRecordingContext, type RecordedEmit } from '../utils/createRecordingContext.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { pageshowEvent } from '../utils/pageshowEvent.js';
import { resetPage } from '../utils/resetPage.js';

const ORIGIN = 'http://localhost:3000';
let emitted: RecordedEmit[];
let stop: () => void;

/** Starts the capture on `/start`, titled "Start", reached from a search engine. */
function start(): void {
  const recording = createRecordingContext();
  emitted = recording.emitted;
  stop = capturePageviews(recording.ctx);
}

beforeEach(() => {
  vi.useFakeTimers();
  resetPage('/start');
  document.title = 'Start';
  overrideProperty(document, 'referrer', 'https://search.test/?q=sightline');
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
  restoreProperties();
});

describe('capturePageviews', () => {
  test('one pageview at start, with the title and document.referrer', () => {
    start();
    expect(emitted).toEqual([
      {
        type: 'pageview',
        fields: expect.objectContaining({ title: 'Start', referrer: 'https://search.test/?q=sightline' }),
        href: `${ORIGIN}/start`,
      },
    ]);
  });

  test('pushState to a new URL: one more pageview, its referrer the previous URL', () => {
    start();
    history.pushState({}, '', '/next?tab=2');
    // A router sets the title after navigating, in the same task.
    document.title = 'Next';
    expect(emitted).toHaveLength(1);
    vi.runAllTimers();
    expect(emitted).toHaveLength(2);
    expect(emitted[1]).toEqual({
      type: 'pageview',
      fields: expect.objectContaining({ title: 'Next', referrer: `${ORIGIN}/start` }),
      href: `${ORIGIN}/next?tab=2`,
    });
  });

  test('each navigation refers to the one before', () => {
    start();
    for (const path of ['/a', '/b', '/c']) {
      history.pushState({}, '', path);
      vi.runAllTimers();
    }
    expect(emitted.map((e) => [e.href, e.fields.referrer])).toEqual([
      [`${ORIGIN}/start`, 'https://search.test/?q=sightline'],
      [`${ORIGIN}/a`, `${ORIGIN}/start`],
      [`${ORIGIN}/b`, `${ORIGIN}/a`],
      [`${ORIGIN}/c`, `${ORIGIN}/b`],
    ]);
  });

  test('replaceState then pushState in one task (Vue Router) counts once', () => {
    start();
    history.replaceState({ back: null, current: '/start', scroll: { left: 0, top: 0 } }, '', location.href);
    history.pushState({ back: '/start', current: '/next' }, '', '/next');
    vi.runAllTimers();
    expect(emitted.map((e) => e.href)).toEqual([`${ORIGIN}/start`, `${ORIGIN}/next`]);
  });

  test('a redirect by replaceState to a new URL counts', () => {
    start();
    history.replaceState(null, '', '/login');
    vi.runAllTimers();
    expect(emitted.map((e) => e.href)).toEqual([`${ORIGIN}/start`, `${ORIGIN}/login`]);
  });

  test.each([
    ['pushState to the same URL', () => history.pushState({}, '', '/start')],
    ['replaceState to the same URL (state only)', () => history.replaceState({ scroll: 120 }, '', '/start')],
    ['pushState with only an in-page anchor', () => history.pushState({}, '', '/start#comments')],
    ['pushState with no URL', () => history.pushState({ modal: true }, '')],
  ])('%s: no pageview', (_, navigate) => {
    start();
    navigate();
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });

  test('several navigations in one task count once, for where they end', () => {
    start();
    history.pushState({}, '', '/a');
    history.pushState({}, '', '/b');
    history.replaceState({}, '', '/c');
    vi.runAllTimers();
    expect(emitted.map((e) => [e.href, e.fields.referrer])).toEqual([
      [`${ORIGIN}/start`, 'https://search.test/?q=sightline'],
      [`${ORIGIN}/c`, `${ORIGIN}/start`],
    ]);
  });

  test('going back (popstate) counts', () => {
    start();
    history.pushState({}, '', '/a');
    vi.runAllTimers();
    history.back();
    vi.runAllTimers();
    expect(emitted.map((e) => [e.href, e.fields.referrer])).toEqual([
      [`${ORIGIN}/start`, 'https://search.test/?q=sightline'],
      [`${ORIGIN}/a`, `${ORIGIN}/start`],
      [`${ORIGIN}/start`, `${ORIGIN}/a`],
    ]);
  });

  test('a popstate that does not change the route does not count', () => {
    start();
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });

  test('a hash-route change (#/x → #/y) counts', async () => {
    start();
    await changeHash('#/x');
    vi.runAllTimers();
    expect(emitted.map((e) => e.href)).toEqual([`${ORIGIN}/start`, `${ORIGIN}/start#/x`]);
    await changeHash('#/y');
    vi.runAllTimers();
    expect(emitted.map((e) => [e.href, e.fields.referrer])).toEqual([
      [`${ORIGIN}/start`, 'https://search.test/?q=sightline'],
      [`${ORIGIN}/start#/x`, `${ORIGIN}/start`],
      [`${ORIGIN}/start#/y`, `${ORIGIN}/start#/x`],
    ]);
  });

  test('an in-page anchor (#section) does not count', async () => {
    start();
    await changeHash('#section');
    vi.runAllTimers();
    await changeHash('#other-section');
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });

  test('a page restored from the back/forward cache counts again', () => {
    start();
    window.dispatchEvent(pageshowEvent(true));
    expect(emitted).toHaveLength(2);
    expect(emitted[1]).toMatchObject({ type: 'pageview', fields: { title: 'Start' }, href: `${ORIGIN}/start` });
  });

  test('an ordinary pageshow (not from the cache) does not count', () => {
    start();
    window.dispatchEvent(pageshowEvent(false));
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });
});

describe('stop()', () => {
  test('restores history.pushState and history.replaceState', () => {
    const { pushState, replaceState } = history;
    start();
    expect(history.pushState).not.toBe(pushState);
    expect(history.replaceState).not.toBe(replaceState);
    stop();
    expect(history.pushState).toBe(pushState);
    expect(history.replaceState).toBe(replaceState);
  });

  test('the patched methods still navigate and return what the originals return', () => {
    start();
    expect(history.pushState({ n: 1 }, '', '/patched')).toBeUndefined();
    expect(location.pathname).toBe('/patched');
    expect(history.state).toEqual({ n: 1 });
  });

  test('no pageview after stop(), whatever happens next', () => {
    start();
    stop();
    history.pushState({}, '', '/after');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    window.dispatchEvent(pageshowEvent(true));
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });

  test('a navigation still pending at stop() is not counted', () => {
    start();
    history.pushState({}, '', '/pending');
    stop();
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });

  test('keeps a wrapper that another script put over ours, and our part of it goes quiet', () => {
    start();
    const ours = history.pushState;
    const theirs = function (this: History, ...args: Parameters<History['pushState']>) {
      return ours.apply(this, args);
    };
    history.pushState = theirs;
    stop();
    expect(history.pushState).toBe(theirs);
    history.pushState({}, '', '/wrapped');
    vi.runAllTimers();
    expect(location.pathname).toBe('/wrapped');
    expect(emitted).toHaveLength(1);
    history.pushState = History.prototype.pushState;
  });
});

describe('page context', () => {
  test('each pageview carries screen, viewport, language, time zone and device class', () => {
    start();
    const fields = emitted[0]?.fields as Record<string, unknown>;
    expect(fields.screen).toMatch(/^\d+x\d+$/);
    expect(fields.viewport).toBe(`${innerWidth}x${innerHeight}`);
    expect(fields.language).toBe(navigator.language);
    expect(fields.timezone).toMatch(/^UTC[+-]\d{2}:\d{2}$/);
    expect(['mobile', 'tablet', 'desktop']).toContain(fields.device);
  });
});

describe('viewport of a page still loading', () => {
  /** A context whose emit queues and returns the event, as the client's does. */
  function startLoading() {
    overrideProperty(document, 'readyState', 'interactive');
    const fake = createFakeCaptureContext();
    const events: Record<string, unknown>[] = [];
    fake.ctx.emit = (type, fields = {}) => {
      const event = { ...fields, type } as never;
      events.push(event);
      return event;
    };
    const reads = vi.fn(() => 1280);
    overrideProperty(window, 'innerWidth', undefined);
    Object.defineProperty(window, 'innerWidth', { configurable: true, get: reads });
    stop = capturePageviews(fake.ctx);
    return { events, reads, leave: fake.leave };
  }

  test('is not read while the script runs (a forced layout), but after the first frame', () => {
    const { events, reads } = startLoading();
    expect(reads).not.toHaveBeenCalled();
    expect(events[0]).not.toHaveProperty('viewport');
    vi.advanceTimersByTime(100); // a frame, then the task after it
    expect(reads).toHaveBeenCalledTimes(1);
    expect(events[0]?.viewport).toBe(`1280x${innerHeight}`);
  });

  test('a page left before its first frame reads it at leave, before the event is sent', () => {
    const { events, leave } = startLoading();
    leave('pagehide');
    expect(events[0]?.viewport).toBe(`1280x${innerHeight}`);
  });
});

describe('utcOffset', () => {
  test.each([
    [0, 'UTC+00:00'],
    [-60, 'UTC+01:00'],
    [-330, 'UTC+05:30'],
    [300, 'UTC-05:00'],
    [570, 'UTC-09:30'],
  ])('getTimezoneOffset %i → %s', (offset, text) => {
    expect(utcOffset({ getTimezoneOffset: () => offset } as Date)).toBe(text);
  });
});
