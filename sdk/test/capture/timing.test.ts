import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { captureTiming } from '../../src/capture/timing.js';
import { createRecordingContext, type RecordedEmit } from '../utils/createRecordingContext.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { resetPage } from '../utils/resetPage.js';
import { stubNavigationEntry } from '../utils/stubNavigationEntry.js';

/** A page load as Chrome reports it: fractional ms from navigation start. */
const LOADED = { responseStart: 182.4, domContentLoadedEventEnd: 640.5, loadEventEnd: 1203.7 };

let emitted: RecordedEmit[];
let debug: string[];
let stop: (() => void) | undefined;

function start(): void {
  const recording = createRecordingContext();
  emitted = recording.emitted;
  debug = recording.debug;
  stop = captureTiming(recording.ctx);
}

function fireLoad(): void {
  overrideProperty(document, 'readyState', 'complete');
  window.dispatchEvent(new Event('load'));
}

beforeEach(() => {
  vi.useFakeTimers();
  resetPage('/landing');
});

afterEach(() => {
  stop?.();
  stop = undefined;
  restoreProperties();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('captureTiming', () => {
  test('page still loading: one timing event in the task after load, rounded ms', () => {
    overrideProperty(document, 'readyState', 'interactive');
    const entry = stubNavigationEntry({ ...LOADED, loadEventEnd: 0 });
    start();
    vi.runAllTimers();
    expect(emitted).toEqual([]);

    fireLoad();
    // loadEventEnd is only set once the load listeners have returned.
    Object.assign(entry as object, { loadEventEnd: LOADED.loadEventEnd });
    expect(emitted).toEqual([]);
    vi.runAllTimers();
    expect(emitted).toEqual([
      {
        type: 'timing',
        fields: { ttfb: 182, domReady: 641, load: 1204 },
        href: `${location.origin}/landing`,
      },
    ]);
  });

  test('page already loaded at start: read in the next task', () => {
    stubNavigationEntry(LOADED);
    start();
    expect(emitted).toEqual([]);
    vi.runAllTimers();
    expect(emitted.map((e) => e.fields)).toEqual([{ ttfb: 182, domReady: 641, load: 1204 }]);
  });

  test('once per page load: later load events, SPA navigations and timers add nothing', () => {
    overrideProperty(document, 'readyState', 'loading');
    stubNavigationEntry(LOADED);
    start();
    fireLoad();
    vi.runAllTimers();
    window.dispatchEvent(new Event('load'));
    history.pushState({}, '', '/next');
    vi.runAllTimers();
    expect(emitted).toHaveLength(1);
  });

  test('values are relative to the entry start', () => {
    stubNavigationEntry({ startTime: 100, ...LOADED });
    start();
    vi.runAllTimers();
    expect(emitted[0]?.fields).toEqual({ ttfb: 82, domReady: 541, load: 1104 });
  });

  test.each<[string, Record<string, unknown>, Record<string, number>]>([
    ['load not finished (0)', { loadEventEnd: 0 }, { ttfb: 182, domReady: 641 }],
    ['a negative value', { responseStart: -5 }, { domReady: 641, load: 1204 }],
    ['a missing field', { domContentLoadedEventEnd: undefined }, { ttfb: 182, load: 1204 }],
    ['under half a ms (rounds to 0)', { responseStart: 0.4 }, { domReady: 641, load: 1204 }],
    ['past a day (the schema bound)', { loadEventEnd: 86_400_000.6 }, { ttfb: 182, domReady: 641 }],
  ])('%s: that field is left out', (_, change, fields) => {
    stubNavigationEntry({ ...LOADED, ...change });
    start();
    vi.runAllTimers();
    expect(emitted.map((e) => e.fields)).toEqual([fields]);
  });

  test('no usable value at all: nothing', () => {
    stubNavigationEntry({ responseStart: 0, domContentLoadedEventEnd: 0, loadEventEnd: 0 });
    start();
    vi.runAllTimers();
    expect(emitted).toEqual([]);
    expect(debug).toEqual(['timing not sent']);
  });

  test('no navigation entry: nothing', () => {
    stubNavigationEntry(undefined);
    start();
    vi.runAllTimers();
    expect(emitted).toEqual([]);
    expect(debug).toEqual(['timing not sent']);
  });

  test('no Performance Timeline: nothing, and stop() still works', () => {
    overrideProperty(performance, 'getEntriesByType', undefined);
    start();
    vi.runAllTimers();
    expect(emitted).toEqual([]);
    expect(debug).toEqual(['timing not sent']);
    expect(() => stop?.()).not.toThrow();
  });

  test('stop() before load: nothing, even after load', () => {
    overrideProperty(document, 'readyState', 'loading');
    stubNavigationEntry(LOADED);
    start();
    stop?.();
    fireLoad();
    vi.runAllTimers();
    expect(emitted).toEqual([]);
  });

  test('stop() between load and the read: nothing', () => {
    stubNavigationEntry(LOADED);
    start();
    stop?.();
    vi.runAllTimers();
    expect(emitted).toEqual([]);
  });

  test('a throwing Performance Timeline does not reach the page', () => {
    vi.spyOn(performance, 'getEntriesByType').mockImplementation(() => {
      throw new Error('blocked');
    });
    start();
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(emitted).toEqual([]);
    expect(debug).toEqual(['timing not sent']);
  });
});
