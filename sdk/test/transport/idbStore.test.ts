import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createIdbStore } from '../../src/transport/idbStore.js';
import { LEASE_MS, type Entry } from '../../src/transport/reconcile.js';
import { createTestQueue } from '../utils/createTestQueue.js';
import { eventIds } from '../utils/eventIds.js';
import { makeEvent } from '../utils/makeEvent.js';
import { restoreProperties } from '../utils/overrideProperty.js';
import { readStoredRows } from '../utils/readStoredRows.js';
import { sentBodies } from '../utils/sentBodies.js';
import { setOnline } from '../utils/setOnline.js';
import { stubIndexedDB } from '../utils/stubIndexedDB.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

beforeEach(() => {
  // fake-indexeddb works on setImmediate, left real.
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A page of site `demo` on the (fake) IndexedDB: the queue's default store. */
const openPage = () => createTestQueue({ store: undefined });

/** The page is closed: its timers never run again. */
const closePage = () => vi.clearAllTimers();

describe('createIdbStore', () => {
  test('is null where there is no IndexedDB', () => {
    expect(createIdbStore('sightline-demo')).toBeNull();
  });

  test('is null where touching IndexedDB throws', () => {
    vi.stubGlobal('indexedDB', undefined);
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(createIdbStore('sightline-demo')).toBeNull();
  });

  test('opens nothing until the first sync', () => {
    const factory = stubIndexedDB();
    const open = vi.spyOn(factory, 'open');
    createIdbStore('sightline-demo');
    expect(open).not.toHaveBeenCalled();
  });
});

describe('a queue on IndexedDB', () => {
  test('events survive a reload: the next page load sends them once, with their original time', async () => {
    stubIndexedDB();
    setOnline(false);
    const first = openPage();
    for (let i = 0; i < 3; i++) first.queue.add(makeEvent(i));
    await first.queue.flush();
    expect((await readStoredRows()).map((row) => (row as Entry).e)).toEqual([0, 1, 2].map((i) => makeEvent(i)));
    first.queue.flushBeacon();
    closePage();

    setOnline(true);
    const next = openPage();
    await vi.advanceTimersByTimeAsync(1000);
    await next.queue.flush();
    expect(eventIds(sentBodies(next.send))).toEqual([['e0', 'e1', 'e2']]);
    expect(sentBodies(next.send)[0]?.events).toEqual([0, 1, 2].map((i) => makeEvent(i)));
    expect(await readStoredRows()).toEqual([]);
    expect(first.send).not.toHaveBeenCalled();
  });

  test('two page loads starting together take the leftovers in turn: each event goes once', async () => {
    stubIndexedDB();
    setOnline(false);
    const gone = openPage();
    for (let i = 0; i < 10; i++) gone.queue.add(makeEvent(i));
    await gone.queue.flush();
    closePage();
    // It vanished without releasing them: they are free once its lease ends.
    vi.setSystemTime(NOW + LEASE_MS);
    setOnline(true);
    const a = openPage();
    const b = openPage();
    await Promise.all([a.queue.flush(), b.queue.flush()]);
    const sent = [...eventIds(sentBodies(a.send)), ...eventIds(sentBodies(b.send))];
    expect(sent).toEqual([Array.from({ length: 10 }, (_, i) => `e${i}`)]);
    expect(await readStoredRows()).toEqual([]);
  });

  test('a beacon sends the stored and the new events, which then leave the store', async () => {
    stubIndexedDB();
    const page = openPage();
    setOnline(false);
    page.queue.add(makeEvent(0));
    await page.queue.flush();
    setOnline(true);
    page.queue.add(makeEvent(1));
    page.queue.flushBeacon();
    expect(eventIds(sentBodies(page.beacon))).toEqual([['e0', 'e1']]);
    expect(await readStoredRows()).toEqual([]);
  });

  test('IndexedDB that cannot be opened (private mode): debug says so, events are sent from memory', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    });
    const page = openPage();
    page.queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(1000);
    await page.queue.flush();
    expect(page.debug).toHaveBeenCalledWith('storage failed; events stay in this page only', expect.any(DOMException));
    expect(eventIds(sentBodies(page.send))).toEqual([['e0']]);
  });
});
