import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { overrideProperty, restoreProperties } from './utils/overrideProperty.js';
import { resetPage } from './utils/resetPage.js';
import { sentBodies, sentEvents } from './utils/sentBodies.js';
import { stubFetch } from './utils/stubFetch.js';
import { useScriptTag } from './utils/useScriptTag.js';

interface SightlineGlobal {
  track(name: string, props?: Record<string, unknown>): void;
  identify(user: string | null): void;
  optOut(): void;
  optIn(): void;
  flush(): Promise<void>;
}

const SRC = 'http://collector.test/s.js';
let fetchMock: ReturnType<typeof stubFetch>;

/** Runs `/s.js` afresh, as a page load does. */
async function loadScript(): Promise<SightlineGlobal> {
  await import('../src/script.js');
  return (window as unknown as { sightline: SightlineGlobal }).sightline;
}

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers();
  resetPage('/start');
  fetchMock = stubFetch();
});

afterEach(async () => {
  // The same module instance the script used (the registry is reset only before each test).
  const { shutdown } = await import('../src/api.js');
  shutdown();
  delete (window as unknown as { sightline?: unknown }).sightline;
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('script tag (/s.js)', () => {
  test('defines window.sightline with track, identify, optOut, optIn and flush', async () => {
    useScriptTag(SRC, { site: 'demo' });
    const sightline = await loadScript();
    for (const name of ['track', 'identify', 'optOut', 'optIn', 'flush'] as const) {
      expect(typeof sightline[name], name).toBe('function');
    }
  });

  test("sends to the script's own origin, for its data-site, starting with a pageview", async () => {
    useScriptTag(SRC, { site: 'demo' });
    const sightline = await loadScript();
    sightline.identify('user-1');
    sightline.track('signup', { plan: 'pro' });
    await sightline.flush();
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual(['http://collector.test/v1/collect']);
    expect(sentBodies(fetchMock)[0]?.site).toBe('demo');
    expect(sentEvents(fetchMock)).toEqual([
      expect.objectContaining({ type: 'pageview', url: 'http://localhost:3000/start' }),
      expect.objectContaining({ type: 'custom', name: 'signup', props: { plan: 'pro' }, user: 'user-1' }),
    ]);
  });

  test.each([
    [{ endpoint: 'https://stats.example.com' }, 'https://stats.example.com/v1/collect'],
    [{ endpoint: 'https://stats.example.com/' }, 'https://stats.example.com/v1/collect'],
    [{ 'collect-path': '/api/event' }, 'http://collector.test/api/event'],
    [{ endpoint: 'https://example.com/stats', 'collect-path': '/e' }, 'https://example.com/stats/e'],
  ])('data attributes %j → %s', async (data, url) => {
    useScriptTag(SRC, { site: 'demo', ...data });
    const sightline = await loadScript();
    await sightline.flush();
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([url]);
  });

  test('optOut() from the global stops sending', async () => {
    useScriptTag(SRC, { site: 'demo' });
    const sightline = await loadScript();
    await sightline.flush();
    sightline.optOut();
    sightline.track('hidden');
    await sightline.flush();
    sightline.optIn();
    sightline.track('shown');
    await sightline.flush();
    expect(sentEvents(fetchMock).map((e) => e.type === 'custom' && e.name)).toEqual([false, 'shown']);
  });

  test.each([
    ['without data-respect-dnt', {}, false],
    ['with data-respect-dnt="false"', { 'respect-dnt': 'false' }, true],
  ])('with Do-Not-Track on, %s → sends: %s', async (_, data, sends) => {
    overrideProperty(navigator, 'doNotTrack', '1');
    useScriptTag(SRC, { site: 'demo', ...data });
    const sightline = await loadScript();
    await sightline.flush();
    expect(fetchMock.mock.calls.length > 0).toBe(sends);
  });

  test('data-debug logs to the console', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    useScriptTag(SRC, { site: 'demo', debug: '' });
    const sightline = await loadScript();
    sightline.track('');
    expect(debug).toHaveBeenCalledWith('[sightline]', 'track() needs an event name', '');
  });

  test.each([
    ['without data-site', () => useScriptTag(SRC)],
    ['with an invalid data-site', () => useScriptTag(SRC, { site: 'not valid' })],
    ['without a current script', () => overrideProperty(document, 'currentScript', null)],
  ])('%s: warns, never throws, and the global is inert', async (_, arrange) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    arrange();
    const sightline = await loadScript();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('TypeError: sightline: init({ site })'));
    expect(() => {
      sightline.track('x');
      sightline.identify('u');
      sightline.optOut();
      sightline.optIn();
    }).not.toThrow();
    await expect(sightline.flush()).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
