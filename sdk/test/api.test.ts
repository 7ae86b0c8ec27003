import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { flush, identify, init, optIn, optOut, shutdown, track } from '../src/api.js';
import { capturePageviews } from '../src/capture/pageview.js';
import type { SightlineOptions } from '../src/config.js';
import { overrideProperty, restoreProperties } from './utils/overrideProperty.js';
import { resetPage } from './utils/resetPage.js';
import { sentEvents } from './utils/sentBodies.js';
import { stubFetch } from './utils/stubFetch.js';

const ENDPOINT = 'http://collector.test';
let fetchMock: ReturnType<typeof stubFetch>;

beforeEach(() => {
  vi.useFakeTimers();
  resetPage('/start');
  fetchMock = stubFetch();
});

afterEach(() => {
  shutdown();
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

const names = (events: ReturnType<typeof sentEvents>): string[] =>
  events.map((e) => (e.type === 'custom' ? `custom:${e.name}` : `${e.type}:${new URL(e.url).pathname}`));

describe('before init', () => {
  test('every public function is a harmless no-op', async () => {
    expect(() => {
      track('signup', { plan: 'pro' });
      identify('user-1');
      optOut();
      optIn();
      shutdown();
    }).not.toThrow();
    await expect(flush()).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
  });
});

describe('init', () => {
  test('starts pageviews and sends events to the endpoint', async () => {
    init({ site: 'demo', endpoint: ENDPOINT });
    identify('user-1');
    track('signup', { plan: 'pro' });
    await flush();
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([`${ENDPOINT}/v1/collect`]);
    const [pageview, custom] = sentEvents(fetchMock);
    expect(pageview).toMatchObject({ type: 'pageview', url: 'http://localhost:3000/start' });
    expect(pageview).not.toHaveProperty('user');
    expect(custom).toMatchObject({ type: 'custom', name: 'signup', props: { plan: 'pro' }, user: 'user-1' });
  });

  test.each([
    ['no options', undefined],
    ['no site', {}],
    ['an invalid site', { site: 'not a site id' }],
  ])('throws a TypeError for %s', (_, options) => {
    expect(() => init(options as unknown as SightlineOptions)).toThrow(TypeError);
  });

  test('a bad second init throws and leaves the running client alone', async () => {
    init({ site: 'demo', endpoint: ENDPOINT, capture: [] });
    expect(() => init({ site: '' })).toThrow(TypeError);
    track('still-here');
    await flush();
    expect(names(sentEvents(fetchMock))).toEqual(['custom:still-here']);
  });

  test('init twice replaces the first client: its captures stop, events go to the new one', async () => {
    const stopFirst = vi.fn();
    init({ site: 'demo', endpoint: 'http://first.test', capture: [capturePageviews, () => stopFirst] });
    init({ site: 'demo', endpoint: 'http://second.test', capture: [capturePageviews] });
    expect(stopFirst).toHaveBeenCalledTimes(1);
    history.pushState({}, '', '/next');
    vi.advanceTimersByTime(0);
    track('after');
    await vi.advanceTimersByTimeAsync(5000);
    // The first client still delivers what it had queued, and nothing after.
    expect(names(sentEvents(fetchMock, 'http://first.test/'))).toEqual(['pageview:/start']);
    expect(names(sentEvents(fetchMock, 'http://second.test/'))).toEqual(['pageview:/start', 'pageview:/next', 'custom:after']);
  });
});

describe('shutdown', () => {
  test('stops captures and restores history; later calls do nothing', async () => {
    const { pushState } = history;
    init({ site: 'demo', endpoint: ENDPOINT });
    await flush();
    shutdown();
    expect(history.pushState).toBe(pushState);
    history.pushState({}, '', '/after');
    track('after');
    await vi.advanceTimersByTimeAsync(5000);
    await flush();
    expect(names(sentEvents(fetchMock))).toEqual(['pageview:/start']);
  });
});

describe('never throws into the page', () => {
  const hostile = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('hostile props');
      },
    },
  );
  const throwingGetter = Object.defineProperty({}, 'a', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
  test.each<[string, () => unknown]>([
    ['track()', () => (track as (...args: unknown[]) => void)()],
    ['track(null)', () => track(null as never)],
    ['track(42)', () => track(42 as never)],
    ['track({})', () => track({} as never)],
    ['track(Symbol())', () => track(Symbol('x') as never)],
    ["track('x', 'props')", () => track('x', 'props' as never)],
    ["track('x', [1, 2])", () => track('x', [1, 2] as never)],
    ["track('x', circular)", () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      return track('x', circular as never);
    }],
    ["track('x', proxy that throws)", () => track('x', hostile as never)],
    ["track('x', throwing getter)", () => track('x', throwingGetter as never)],
    ['identify()', () => (identify as (...args: unknown[]) => void)()],
    ['identify({})', () => identify({} as never)],
    ['identify(Symbol())', () => identify(Symbol('x') as never)],
    ["optOut('extra')", () => (optOut as (...args: unknown[]) => void)('extra')],
    ['optIn(1, 2)', () => (optIn as (...args: unknown[]) => void)(1, 2)],
  ])('%s', async (_, call) => {
    init({ site: 'demo', endpoint: ENDPOINT, capture: [] });
    expect(call).not.toThrow();
    await expect(flush()).resolves.toBeUndefined();
    // Whatever got through is still valid on the wire.
    for (const event of sentEvents(fetchMock)) expect(event).toMatchObject({ type: 'custom', name: expect.any(String) });
  });

  test('flush() resolves while the collector is down', async () => {
    stubFetch(new TypeError('Failed to fetch'), 503, 503);
    init({ site: 'demo', endpoint: ENDPOINT });
    await expect(flush()).resolves.toBeUndefined();
  });

  test('a throwing localStorage or a privacy signal does not make calls throw', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    overrideProperty(navigator, 'doNotTrack', '1');
    init({ site: 'demo', endpoint: ENDPOINT });
    expect(() => {
      identify('user-1');
      optOut();
      optIn();
      track('x');
    }).not.toThrow();
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
