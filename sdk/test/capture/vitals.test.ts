import { MAX_SELECTOR_LENGTH } from '@sightline/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals';
import { captureVitals } from '../../src/capture/vitals.js';
import { selectorPath } from '../../src/lib/selectorPath.js';
import type { LeaveReason } from '../../src/types.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';
import type { RecordedEmit } from '../utils/createRecordingContext.js';
import { fakeMetric } from '../utils/fakeMetric.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { resetPage } from '../utils/resetPage.js';
import { sentEvents } from '../utils/sentBodies.js';
import { stubNavigationEntry } from '../utils/stubNavigationEntry.js';
import { startClient, stopClients } from '../utils/startClient.js';
import { stubBeacon } from '../utils/stubBeacon.js';
import { stubFetch } from '../utils/stubFetch.js';

// web-vitals itself needs a real browser (PerformanceObserver entries, trusted events):
// here each onX only records the callback it was given.
vi.mock('web-vitals', () => ({
  onLCP: vi.fn(),
  onINP: vi.fn(),
  onCLS: vi.fn(),
  onFCP: vi.fn(),
  onTTFB: vi.fn(),
}));

const ON = { LCP: onLCP, INP: onINP, CLS: onCLS, FCP: onFCP, TTFB: onTTFB } as const;

let emitted: RecordedEmit[];
let debug: string[];
let stop: (() => void) | undefined;
let leave: (reason: LeaveReason) => void;

function start(): void {
  const fake = createFakeCaptureContext();
  emitted = fake.emitted;
  debug = fake.debug;
  leave = fake.leave;
  stop = captureVitals(fake.ctx);
}

/**
 * What web-vitals would do when it has a value for the metric: call back. CLS and INP
 * (reported as they change) are sent when the page is left: here, hidden right after.
 */
function report(metric: MetricType): void {
  const on = vi.mocked(ON[metric.name]);
  expect(on).toHaveBeenCalledTimes(1);
  (on.mock.calls[0]?.[0] as (metric: MetricType) => void)(metric);
  if (metric.name === 'CLS' || metric.name === 'INP') leave('hidden');
}

/** The page the recording context names as current. */
const PAGE = (): [string, string] => ['pv-now', `${location.origin}/article`];

/** An LCP entry whose element is `element`. */
function lcpEntry(element: Element | null): LargestContentfulPaint {
  return {
    entryType: 'largest-contentful-paint',
    startTime: 1200,
    element,
  } as unknown as LargestContentfulPaint;
}

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild as Element;
}

beforeEach(() => {
  vi.clearAllMocks();
  resetPage('/article');
});

afterEach(() => {
  stop?.();
  stop = undefined;
  stopClients();
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('captureVitals', () => {
  test('listens to each of LCP, INP, CLS and FCP once: the load metrics final, CLS and INP as they change', () => {
    start();
    for (const on of [onLCP, onFCP]) expect(vi.mocked(on).mock.calls).toEqual([[expect.any(Function)]]);
    expect(onTTFB).not.toHaveBeenCalled();
    for (const on of [onCLS, onINP])
      expect(vi.mocked(on).mock.calls).toEqual([[expect.any(Function), { reportAllChanges: true }]]);
    expect(emitted).toEqual([]);
  });

  test.each<[MetricType['name'], number, MetricType['rating'], number]>([
    ['LCP', 2412.6, 'good', 2413],
    ['INP', 187.5, 'good', 188],
    ['CLS', 0.123456, 'needs-improvement', 0.1235],
    ['FCP', 3100.2, 'poor', 3100],
  ])('%s %d (%s) → one vital of %d, rating passed through', (name, value, rating, sent) => {
    start();
    report(fakeMetric(name, value, { rating }));
    expect(emitted).toEqual([
      {
        type: 'vital',
        fields: { name, value: sent, rating },
        href: `${location.origin}/article`,
        at: PAGE(),
      },
    ]);
  });

  test('CLS keeps 4 decimals, exactly', () => {
    start();
    report(fakeMetric('CLS', 0.00005));
    report(fakeMetric('CLS', 1 / 3));
    expect(emitted.map((e) => e.fields.value)).toEqual([0.0001, 0.3333]);
  });

  test('load metrics once per page load; CLS and INP again at a later leave only when they changed', () => {
    start();
    const lcp = fakeMetric('LCP', 900);
    report(lcp);
    report({ ...lcp, value: 1500 });
    const cls = fakeMetric('CLS', 0.05);
    report(cls);
    // The tab comes back, shifts again and is hidden again.
    report({ ...cls, value: 0.3, delta: 0.25, rating: 'poor' });
    leave('hidden');
    const inp = fakeMetric('INP', 120);
    report(inp);
    report({ ...inp, value: 120 });
    leave('pagehide');
    expect(emitted.map((e) => [e.fields.name, e.fields.value])).toEqual([
      ['LCP', 900],
      ['CLS', 0.05],
      ['CLS', 0.3],
      ['INP', 120],
    ]);
  });

  test('after SPA navigations: load metrics stay with the loaded page, CLS and INP growth goes to the page it grew on', () => {
    let current: [string, string] = ['pv-1', 'https://example.com/'];
    const fake = createFakeCaptureContext();
    fake.ctx.page = () => current;
    emitted = fake.emitted;
    stop = captureVitals(fake.ctx);
    const call = (name: MetricType['name'], metric: MetricType) =>
      (vi.mocked(ON[name]).mock.calls[0]?.[0] as (m: MetricType) => void)(metric);
    call('CLS', fakeMetric('CLS', 0.01));
    // The client runs the leave handlers before the next pageview exists.
    fake.leave('navigate');
    current = ['pv-2', 'https://example.com/b'];
    call('LCP', fakeMetric('LCP', 1000));
    call('INP', fakeMetric('INP', 300));
    call('CLS', fakeMetric('CLS', 0.2));
    fake.leave('navigate');
    current = ['pv-3', 'https://example.com/c'];
    fake.leave('hidden');
    expect(emitted.map((e) => [e.fields.name, e.fields.value, e.at?.[0]])).toEqual([
      ['CLS', 0.01, 'pv-1'],
      ['LCP', 1000, 'pv-1'],
      ['CLS', 0.2, 'pv-2'],
      ['INP', 300, 'pv-2'],
    ]);
  });

  test('a page restored from the back/forward cache is a new load: its vitals are sent', () => {
    start();
    report(fakeMetric('LCP', 900));
    report(fakeMetric('LCP', 35, { navigationType: 'back-forward-cache' }));
    report(fakeMetric('CLS', 0));
    report(fakeMetric('CLS', 0.02, { navigationType: 'back-forward-cache' }));
    expect(emitted.map((e) => [e.fields.name, e.fields.value])).toEqual([
      ['LCP', 900],
      ['LCP', 35],
      ['CLS', 0],
      ['CLS', 0.02],
    ]);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown> | undefined]>([
    ['a load', { responseStart: 240.4 }, { value: 240, rating: 'good' }],
    ['a slow load', { responseStart: 1200 }, { value: 1200, rating: 'needs-improvement' }],
    ['a very slow load', { responseStart: 1800.6 }, { value: 1801, rating: 'poor' }],
    [
      'a prerendered page, from its activation',
      { responseStart: 300, activationStart: 1000 },
      { value: 0, rating: 'good' },
    ],
    ['a later activation', { responseStart: 900, activationStart: 100 }, { value: 800, rating: 'good' }],
    ['no response yet', { responseStart: 0 }, undefined],
  ])('TTFB from the navigation entry, once, as web-vitals reads it: %s', (_, entry, sent) => {
    stubNavigationEntry(entry);
    start();
    leave('hidden');
    expect(emitted).toEqual(
      sent
        ? [
            {
              type: 'vital',
              fields: { name: 'TTFB', ...sent },
              href: `${location.origin}/article`,
              at: PAGE(),
            },
          ]
        : [],
    );
  });

  test('a prerendered page: TTFB once it is activated', () => {
    overrideProperty(document, 'prerendering', true);
    const entry = stubNavigationEntry({ responseStart: 50 });
    start();
    expect(emitted).toEqual([]);
    Object.assign(entry!, { activationStart: 20 });
    document.dispatchEvent(new Event('prerenderingchange'));
    expect(emitted.map((e) => e.fields)).toEqual([{ name: 'TTFB', value: 30, rating: 'good' }]);
  });

  test.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['past a day (the schema bound)', 86_400_001],
  ])('a %s value is not sent (one would void the whole batch)', (_, value) => {
    start();
    report(fakeMetric('LCP', value));
    expect(emitted).toEqual([]);
    expect(debug).toContain('vital not sent');
  });

  describe('the element behind LCP', () => {
    test.each([
      ['an id', '<img id="hero" class="banner wide">', '#hero'],
      ['classes (two at most)', '<p class="a b c d e">x</p>', 'p.a.b'],
      ['an SVG element (className is not a string there)', '<svg class="logo big"></svg>', 'svg.logo.big'],
    ])('%s: the same selector path as clicks use', (_, html, selector) => {
      start();
      const el = element(html);
      report(fakeMetric('LCP', 1200, { entries: [lcpEntry(el)] }));
      expect(emitted[0]?.fields).toEqual({
        name: 'LCP',
        value: 1200,
        rating: 'good',
        element: selectorPath(el),
      });
      expect(selectorPath(el).endsWith(selector)).toBe(true);
    });

    test('of the last entry, the one the value comes from', () => {
      start();
      const entries = [lcpEntry(element('<h1>Title</h1>')), lcpEntry(element('<img id="late">'))];
      report(fakeMetric('LCP', 1800, { entries }));
      expect(emitted[0]?.fields.element).toBe('#late');
    });

    test(`cut to ${MAX_SELECTOR_LENGTH} characters`, () => {
      start();
      report(
        fakeMetric('LCP', 1200, { entries: [lcpEntry(element(`<div id="${'x'.repeat(400)}"></div>`))] }),
      );
      const selector = emitted[0]?.fields.element as string;
      expect(selector).toHaveLength(MAX_SELECTOR_LENGTH);
      expect(selector.startsWith('#xxx')).toBe(true);
    });

    test('absent when the element is gone (null) or there is no entry (restored page)', () => {
      start();
      report(fakeMetric('LCP', 1200, { entries: [lcpEntry(null)] }));
      report(fakeMetric('LCP', 40, { navigationType: 'back-forward-cache' }));
      expect(emitted.map((e) => e.fields)).toEqual([
        { name: 'LCP', value: 1200, rating: 'good' },
        { name: 'LCP', value: 40, rating: 'good' },
      ]);
    });

    test('not for INP or CLS, even when their entries name one', () => {
      start();
      const button = element('<button id="buy">Buy</button>');
      report(fakeMetric('INP', 350, { entries: [{ target: button } as unknown as PerformanceEventTiming] }));
      report(
        fakeMetric('CLS', 0.2, { entries: [{ sources: [{ node: button }] } as unknown as LayoutShift] }),
      );
      expect(emitted.map((e) => e.fields)).toEqual([
        { name: 'INP', value: 350, rating: 'good' },
        { name: 'CLS', value: 0.2, rating: 'good' },
      ]);
    });
  });

  test('without PerformanceObserver: nothing is observed or sent, and stop() still works', () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    start();
    for (const on of Object.values(ON)) expect(on).not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
    expect(debug).toEqual(['vitals not captured: no PerformanceObserver']);
    expect(() => stop?.()).not.toThrow();
  });

  test('after stop(), web-vitals (which cannot be unsubscribed) still calls back, and nothing is sent', () => {
    start();
    report(fakeMetric('FCP', 800));
    stop?.();
    report(fakeMetric('LCP', 1200));
    report(fakeMetric('CLS', 0.1));
    expect(emitted.map((e) => e.fields.name)).toEqual(['FCP']);
  });

  test('nothing reaches the page: a failing onX leaves the others running, a failing report is logged', () => {
    vi.mocked(onINP).mockImplementationOnce(() => {
      throw new Error('INP unsupported');
    });
    start();
    expect(debug).toEqual(['vital not sent']);
    for (const on of [onLCP, onCLS, onFCP]) expect(on).toHaveBeenCalledTimes(1);

    const broken = fakeMetric('LCP', 1200);
    Object.defineProperty(broken, 'entries', {
      get() {
        throw new Error('detached');
      },
    });
    expect(() => report(broken)).not.toThrow();
    expect(debug).toContain('vital not sent');
    report(fakeMetric('CLS', 0.01));
    expect(emitted.map((e) => e.fields.name)).toEqual(['CLS']);
  });
});

describe('captureVitals in a client, when the page is hidden', () => {
  let beacon: ReturnType<typeof stubBeacon>;
  const removals: Array<() => void> = [];

  beforeEach(() => {
    vi.useFakeTimers();
    stubFetch();
    beacon = stubBeacon();
  });

  afterEach(() => {
    while (removals.length) removals.pop()?.();
  });

  /** web-vitals reports a hidden page's CLS from a capturing `visibilitychange` listener on window. */
  function reportOnHiddenLikeWebVitals(metric: MetricType): (callback: (metric: MetricType) => void) => void {
    return (callback) => {
      const onHidden = (): void => {
        if (document.visibilityState === 'hidden') callback(metric);
      };
      addEventListener('visibilitychange', onHidden, true);
      removals.push(() => removeEventListener('visibilitychange', onHidden, true));
    };
  }

  function hide(): void {
    overrideProperty(document, 'visibilityState', 'hidden');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }

  test('a vital reported on hiding goes out in the beacon the client sends on hiding', () => {
    vi.mocked(onCLS).mockImplementationOnce(
      reportOnHiddenLikeWebVitals(fakeMetric('CLS', 0.07)) as typeof onCLS,
    );
    startClient({ capture: [captureVitals] });
    hide();
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(sentEvents(beacon)).toMatchObject([{ type: 'vital', name: 'CLS', value: 0.07, rating: 'good' }]);
  });

  test('also when web-vitals added its listener after the client (a prerendered page activated later)', () => {
    const listeners: Array<(metric: MetricType) => void> = [];
    vi.mocked(onLCP).mockImplementationOnce((callback) =>
      listeners.push(callback as (metric: MetricType) => void),
    );
    startClient({ capture: [captureVitals] });
    reportOnHiddenLikeWebVitals(fakeMetric('LCP', 2100))(listeners[0] as (metric: MetricType) => void);
    hide();
    expect(sentEvents(beacon)).toMatchObject([{ type: 'vital', name: 'LCP', value: 2100 }]);
  });
});
