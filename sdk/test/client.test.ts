import {
  MAX_NAME_LENGTH,
  MAX_PROPS,
  MAX_PROP_VALUE_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  MAX_USER_LENGTH,
} from '@sightline/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { capturePageviews } from '../src/capture/pageview.js';
import type { Props } from '../src/types.js';
import { idString } from './utils/idPattern.js';
import { overrideProperty, restoreProperties } from './utils/overrideProperty.js';
import { resetPage } from './utils/resetPage.js';
import { sentBodies, sentEvents } from './utils/sentBodies.js';
import { COLLECT_URL, startClient, stopClients } from './utils/startClient.js';
import { stubBeacon } from './utils/stubBeacon.js';
import { stubFetch } from './utils/stubFetch.js';
import { throwingStorage } from './utils/throwingStorage.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
let fetchMock: ReturnType<typeof stubFetch>;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  resetPage('/page?x=1');
  fetchMock = stubFetch();
});

afterEach(() => {
  stopClients();
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

function hide(state: DocumentVisibilityState = 'hidden'): void {
  overrideProperty(document, 'visibilityState', state);
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('events', () => {
  test('carry id, type, ts, session and url', async () => {
    const client = startClient();
    client.track('signup');
    await client.flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(COLLECT_URL);
    expect(sentBodies(fetchMock)).toEqual([
      {
        site: 'demo',
        events: [
          {
            id: expect.stringMatching(idString),
            type: 'custom',
            ts: NOW,
            session: expect.stringMatching(idString),
            url: 'http://localhost:3000/page?x=1',
            name: 'signup',
          },
        ],
      },
    ]);
  });

  test('each event has its own id; events share the session', async () => {
    const client = startClient();
    for (let i = 0; i < 5; i++) client.track(`e${i}`);
    await client.flush();
    const events = sentEvents(fetchMock);
    expect(new Set(events.map((e) => e.id)).size).toBe(5);
    expect(new Set(events.map((e) => e.session)).size).toBe(1);
  });

  test('a new session starts after 30 minutes without events', async () => {
    const client = startClient();
    client.track('a');
    vi.setSystemTime(NOW + 29 * 60_000);
    client.track('b');
    vi.setSystemTime(NOW + 29 * 60_000 + 30 * 60_000);
    client.track('c');
    await client.flush();
    const [a, b, c] = sentEvents(fetchMock);
    expect(b?.session).toBe(a?.session);
    expect(c?.session).not.toBe(a?.session);
  });

  test('the pageview capture feeds a pageview with title; an empty referrer is left out', async () => {
    document.title = 'Page';
    const client = startClient({ capture: [capturePageviews] });
    await client.flush();
    expect(sentEvents(fetchMock)).toEqual([
      expect.objectContaining({ type: 'pageview', title: 'Page', url: 'http://localhost:3000/page?x=1' }),
    ]);
    expect(sentEvents(fetchMock)[0]).not.toHaveProperty('referrer');
  });

  test.each([
    ['title', () => (document.title = 'T'.repeat(MAX_TITLE_LENGTH + 50)), 'title', MAX_TITLE_LENGTH],
    ['url', () => resetPage(`/${'p'.repeat(MAX_URL_LENGTH)}`), 'url', MAX_URL_LENGTH],
    ['referrer', () => overrideProperty(document, 'referrer', `https://r.test/${'r'.repeat(MAX_URL_LENGTH)}`), 'referrer', MAX_URL_LENGTH],
  ])('a long %s is cut to the wire bound', async (_, arrange, field, max) => {
    arrange();
    const client = startClient({ capture: [capturePageviews] });
    await client.flush();
    expect((sentEvents(fetchMock)[0] as unknown as Record<string, string>)[field]).toHaveLength(max);
  });
});

describe('identify()', () => {
  test('adds the user to later events and remembers it for the next page', async () => {
    const client = startClient();
    client.track('before');
    client.identify('user-42');
    client.track('after');
    await client.flush();
    const [before, after] = sentEvents(fetchMock);
    expect(before).not.toHaveProperty('user');
    expect(after?.user).toBe('user-42');

    const nextPage = startClient();
    nextPage.track('later');
    await nextPage.flush();
    expect(sentEvents(fetchMock)[2]?.user).toBe('user-42');
  });

  test.each([null, '', 42, {}, undefined])('identify(%j) forgets the user', async (forget) => {
    const client = startClient();
    client.identify('user-42');
    client.identify(forget as string | null);
    client.track('x');
    await client.flush();
    expect(sentEvents(fetchMock)[0]).not.toHaveProperty('user');
    expect(localStorage.getItem('sightline_user')).toBeNull();
  });

  test('a long user id is cut to the wire bound', async () => {
    const client = startClient();
    client.identify('u'.repeat(MAX_USER_LENGTH + 10));
    client.track('x');
    await client.flush();
    expect(sentEvents(fetchMock)[0]?.user).toHaveLength(MAX_USER_LENGTH);
  });
});

describe('track()', () => {
  const long = 'v'.repeat(MAX_PROP_VALUE_LENGTH + 100);
  test.each<[string, unknown, Props | undefined]>([
    ['keeps strings, finite numbers, booleans and null', { plan: 'pro', seats: 3, trial: false, coupon: null }, { plan: 'pro', seats: 3, trial: false, coupon: null }],
    ['drops functions, objects, arrays and undefined', { ok: 1, fn: () => 1, obj: { a: 1 }, list: [1], none: undefined }, { ok: 1 }],
    ['drops NaN, Infinity and bigint', { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: BigInt(1), d: 0 }, { d: 0 }],
    ['truncates long strings', { text: long }, { text: long.slice(0, MAX_PROP_VALUE_LENGTH) }],
    ['truncates long keys', { ['k'.repeat(MAX_NAME_LENGTH + 5)]: 1 }, { ['k'.repeat(MAX_NAME_LENGTH)]: 1 }],
    ['leaves out props that are not an object', 'plan=pro', undefined],
    ['leaves out null props', null, undefined],
  ])('%s', async (_, props, expected) => {
    const client = startClient();
    client.track('signup', props as Props);
    await client.flush();
    expect(sentEvents(fetchMock)[0]).toMatchObject({ type: 'custom', name: 'signup' });
    expect((sentEvents(fetchMock)[0] as { props?: Props }).props).toEqual(expected);
  });

  test(`keeps at most ${MAX_PROPS} props`, async () => {
    const client = startClient();
    client.track('many', Object.fromEntries(Array.from({ length: MAX_PROPS + 8 }, (_, i) => [`p${i}`, i])));
    await client.flush();
    const props = (sentEvents(fetchMock)[0] as { props: Props }).props;
    expect(Object.keys(props)).toHaveLength(MAX_PROPS);
    expect(props.p0).toBe(0);
  });

  test('cuts a long event name', async () => {
    const client = startClient();
    client.track('n'.repeat(MAX_NAME_LENGTH + 1));
    await client.flush();
    expect((sentEvents(fetchMock)[0] as { name: string }).name).toHaveLength(MAX_NAME_LENGTH);
  });

  test.each(['', 42, null, undefined, {}])('sends nothing for the name %j, and says why in debug', async (name) => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const client = startClient({ debug: true });
    client.track(name as string);
    await client.flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledWith('[sightline]', 'track() needs an event name', '');
  });
});

describe('privacy', () => {
  test('optOut() persists and stops sending; optIn() resumes', async () => {
    const client = startClient();
    client.optOut();
    expect(localStorage.getItem('sightline_optout')).toBe('1');
    client.track('hidden');
    await client.flush();
    // The next page load too.
    const nextPage = startClient({ capture: [capturePageviews] });
    nextPage.track('hidden too');
    await nextPage.flush();
    expect(fetchMock).not.toHaveBeenCalled();

    nextPage.optIn();
    expect(localStorage.getItem('sightline_optout')).toBeNull();
    nextPage.track('visible');
    await nextPage.flush();
    expect(sentEvents(fetchMock).map((e) => (e as { name?: string }).name)).toEqual(['visible']);
  });

  test('an opted-out event is logged with its reason in debug', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const client = startClient({ debug: true });
    client.optOut();
    client.track('x');
    expect(debug).toHaveBeenCalledWith('[sightline]', 'not sent: opted out, DNT or GPC', 'custom');
  });

  test.each<[string, Record<string, unknown>, boolean | undefined, boolean]>([
    ['Do-Not-Track on', { doNotTrack: '1' }, undefined, false],
    ['Global Privacy Control on', { globalPrivacyControl: true }, undefined, false],
    ['both on', { doNotTrack: '1', globalPrivacyControl: true }, undefined, false],
    ['Do-Not-Track on, respectDnt: false', { doNotTrack: '1' }, false, true],
    ['Global Privacy Control on, respectDnt: false', { globalPrivacyControl: true }, false, true],
    ['Do-Not-Track off', { doNotTrack: '0' }, undefined, true],
    ['Do-Not-Track unset', { doNotTrack: null }, undefined, true],
    ['Global Privacy Control off', { globalPrivacyControl: false }, undefined, true],
  ])('%s → sends: %s', async (_, signals, respectDnt, sends) => {
    for (const [key, value] of Object.entries(signals)) overrideProperty(navigator, key, value);
    const client = startClient({ capture: [capturePageviews], ...(respectDnt === undefined ? {} : { respectDnt }) });
    client.track('x');
    await client.flush();
    expect(fetchMock.mock.calls.length > 0).toBe(sends);
  });
});

describe('leaving the page', () => {
  test.each([
    ['the page is hidden', () => hide()],
    ['the page is left (pagehide)', () => window.dispatchEvent(new Event('pagehide'))],
  ])('when %s, what waits goes out by sendBeacon as {site, events}', (_, leave) => {
    const beacon = stubBeacon();
    const client = startClient();
    client.track('a');
    client.track('b');
    leave();
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(beacon.mock.calls[0]?.[0]).toBe(COLLECT_URL);
    expect(sentBodies(beacon)[0]?.site).toBe('demo');
    expect(sentEvents(beacon).map((e) => (e as { name: string }).name)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(60_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('becoming visible again sends nothing by beacon', () => {
    const beacon = stubBeacon();
    const client = startClient();
    client.track('a');
    hide('visible');
    expect(beacon).not.toHaveBeenCalled();
  });

  test('a refused beacon keeps the events for the next send', async () => {
    stubBeacon(false);
    const client = startClient();
    client.track('a');
    hide();
    await client.flush();
    expect(sentEvents(fetchMock)).toHaveLength(1);
  });
});

describe('stop()', () => {
  test('stops every capture module and the page-leave listeners', () => {
    const beacon = stubBeacon();
    const stopCapture = vi.fn();
    const client = startClient({ capture: [() => stopCapture] });
    client.track('a');
    client.stop();
    expect(stopCapture).toHaveBeenCalledTimes(1);
    hide();
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).not.toHaveBeenCalled();
  });

  test('a capture module that fails to start does not stop the others', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const broken = (): (() => void) => {
      throw new Error('no PerformanceObserver');
    };
    const client = startClient({ debug: true, capture: [broken, capturePageviews] });
    await client.flush();
    expect(sentEvents(fetchMock).map((e) => e.type)).toEqual(['pageview']);
    expect(debug).toHaveBeenCalledWith('[sightline]', expect.any(Error), '');
    expect(() => client.stop()).not.toThrow();
  });
});

describe('storage', () => {
  test.each([
    ['every localStorage access throws', () => throwingStorage()],
    [
      'touching window.localStorage throws',
      () => {
        throw new DOMException('denied', 'SecurityError');
      },
    ],
  ])('works, with one session, where %s', async (_, localStorageGetter) => {
    // happy-dom binds Storage methods per instance, so the whole object is replaced.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(localStorageGetter);
    const client = startClient();
    client.identify('user-1');
    client.track('a');
    client.track('b');
    await client.flush();
    const [a, b] = sentEvents(fetchMock);
    expect(a?.session).toMatch(idString);
    expect(b?.session).toBe(a?.session);
    expect(a?.user).toBe('user-1');
    // Opting out cannot be stored there, but holds for the rest of this page.
    client.optOut();
    client.track('c');
    await client.flush();
    expect(sentEvents(fetchMock)).toHaveLength(2);
    client.optIn();
    client.track('d');
    await client.flush();
    expect(sentEvents(fetchMock)).toHaveLength(3);
  });

  test('nothing is logged when debug is off', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const client = startClient();
    client.optOut();
    client.track('');
    client.track('x');
    expect(debug).not.toHaveBeenCalled();
  });
});
