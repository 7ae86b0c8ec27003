/** How the client drives its queue: offline and `online`, hidden and `pagehide`. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { restoreProperties } from '../utils/overrideProperty.js';
import { resetPage } from '../utils/resetPage.js';
import { sentEvents } from '../utils/sentBodies.js';
import { setOnline } from '../utils/setOnline.js';
import { startClient, stopClients } from '../utils/startClient.js';
import { stubBeacon } from '../utils/stubBeacon.js';
import { stubFetch } from '../utils/stubFetch.js';
import { stubIndexedDB } from '../utils/stubIndexedDB.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  resetPage('/');
});

afterEach(() => {
  stopClients();
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('offline, nothing is sent; the "online" event sends what waited', async () => {
  const fetchMock = stubFetch();
  setOnline(false);
  const client = startClient();
  client.track('while-offline');
  await vi.advanceTimersByTimeAsync(600_000);
  await client.flush();
  expect(fetchMock).not.toHaveBeenCalled();
  setOnline(true);
  window.dispatchEvent(new Event('online'));
  await client.flush();
  expect(sentEvents(fetchMock).map((e) => (e as { name?: string }).name)).toEqual(['while-offline']);
});

test('after stop() the "online" event sends nothing', async () => {
  const fetchMock = stubFetch();
  setOnline(false);
  const client = startClient();
  client.track('x');
  client.stop();
  setOnline(true);
  window.dispatchEvent(new Event('online'));
  await vi.advanceTimersByTimeAsync(0);
  expect(fetchMock).not.toHaveBeenCalled();
});

test('with IndexedDB: a page closed offline leaves its events to the next page load', async () => {
  stubIndexedDB();
  const fetchMock = stubFetch();
  const beacon = stubBeacon();
  setOnline(false);
  const first = startClient();
  first.track('a');
  first.track('b');
  await first.flush();
  window.dispatchEvent(new Event('pagehide'));
  stopClients();
  vi.clearAllTimers();
  expect(beacon).not.toHaveBeenCalled();

  setOnline(true);
  startClient();
  // The next page adopts the list (IndexedDB answers on setImmediate) and sends it.
  await vi.advanceTimersByTimeAsync(1000);
  await vi.waitFor(() => expect(sentEvents(fetchMock).map((e) => (e as { name?: string }).name)).toEqual(['a', 'b']), {
    timeout: 5000,
  });
});
