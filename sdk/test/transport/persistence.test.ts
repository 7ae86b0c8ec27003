/**
 * Each page writes its unsent events under its own key; a later page adopts the lists of
 * pages that are gone. Real IndexedDB semantics (fake-indexeddb, answering on setImmediate);
 * a second queue on the same database is another page of the site.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createPageStore, type PageStore, type StoredPage } from '../../src/transport/pageStore.js';
import { PENDING_KEY, SAVE_AFTER_MS, STALE_MS } from '../../src/transport/queue.js';
import { createTestQueue } from '../utils/createTestQueue.js';
import { eventIds } from '../utils/eventIds.js';
import { makeEvent } from '../utils/makeEvent.js';
import { sentBodies } from '../utils/sentBodies.js';
import { restoreProperties } from '../utils/overrideProperty.js';
import { setOnline } from '../utils/setOnline.js';
import { stubIndexedDB } from '../utils/stubIndexedDB.js';

let store: PageStore;

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  stubIndexedDB();
  localStorage.clear();
  store = createPageStore('sightline-pages-demo') as PageStore;
});

/** A row as a page writes it, with the flag that makes later pages look. */
const putRow = async (key: string, value: StoredPage): Promise<void> => {
  await store.put(key, value);
  localStorage.setItem(PENDING_KEY, '1');
};

afterEach(() => {
  restoreProperties();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What is stored, by page: event ids and the `left` flag. */
const stored = async (): Promise<[ids: string[], left: boolean][]> =>
  (await store.all()).map(([, v]: [string, StoredPage]) => [v.e.map((e) => e.id), !!v.g]);

/** Lets IndexedDB (real setImmediate) and the fake timers run until `check` passes. */
const until = (check: () => unknown | Promise<unknown>) =>
  vi.waitFor(
    async () => {
      await vi.advanceTimersByTimeAsync(100);
      return check();
    },
    { timeout: 4000, interval: 10 },
  );

test('a page writes its whole list under its own key, and deletes it once delivered', async () => {
  setOnline(false);
  const { queue } = createTestQueue({ store });
  queue.add(makeEvent(0));
  queue.add(makeEvent(1));
  await until(async () => expect(await stored()).toEqual([[['e0', 'e1'], false]]));
  setOnline(true);
  await queue.flush();
  await until(async () => expect(await stored()).toEqual([]));
});

test('a page left offline flags its list; the next page adopts it at once and sends each event once', async () => {
  setOnline(false);
  const first = createTestQueue({ store });
  first.queue.add(makeEvent(0));
  first.queue.add(makeEvent(1));
  first.queue.flushBeacon(true);
  expect(first.beacon).not.toHaveBeenCalled();
  await until(async () => expect(await stored()).toEqual([[['e0', 'e1'], true]]));
  // The page is gone: its timers with it.
  vi.clearAllTimers();

  setOnline(true);
  const next = createTestQueue({ store });
  next.queue.add(makeEvent(2));
  await until(() => expect(eventIds(sentBodies(next.send)).flat().sort()).toEqual(['e0', 'e1', 'e2']));
  await until(async () => expect(await stored()).toEqual([]));
  expect(next.send).toHaveBeenCalledTimes(2);
});

test(`a list not flagged is adopted once it is ${STALE_MS} ms old; a live page holding events keeps its own fresh`, async () => {
  // A page that crashed holding e1: its list is never written again.
  await putRow('crashed', { t: Date.now(), e: [makeEvent(1)] });
  // A live page whose collector keeps failing: it holds e0 all along.
  const alive = createTestQueue({ store });
  alive.send.mockResolvedValue({ kind: 'retry', afterMs: 3_600_000, reason: 'HTTP 503' });
  alive.queue.add(makeEvent(0));
  await alive.queue.flush();

  const next = createTestQueue({ store });
  await vi.advanceTimersByTimeAsync(STALE_MS - 1000);
  await until(async () => expect((await stored()).map(([ids]) => ids).sort()).toEqual([['e0'], ['e1']]));
  expect(next.send).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(STALE_MS * 3);
  // The crashed page's e1 was taken by a later page (either one: the live page counts as
  // one too); the live page's e0 never.
  await until(async () => {
    const rows = (await stored()).map(([ids]) => ids.sort());
    const sentByNext = eventIds(sentBodies(next.send)).flat();
    expect(sentByNext).not.toContain('e0');
    expect([sentByNext, rows]).toContainEqual(sentByNext.includes('e1') ? ['e1'] : [['e0', 'e1']]);
  });
});

test('two pages loaded together: the orphan is sent (the collector would count a second send once)', async () => {
  await putRow('gone', { t: Date.now(), g: 1, e: [makeEvent(0)] });
  const a = createTestQueue({ store });
  const b = createTestQueue({ store });
  await until(() => expect([...eventIds(sentBodies(a.send)), ...eventIds(sentBodies(b.send))].flat()).toContain('e0'));
  await until(async () => expect(await stored()).toEqual([]));
});

test('a page whose collector answers at once never opens the store; one that hangs is written after a while', async () => {
  const open = vi.spyOn(indexedDB, 'open');
  const { queue, beacon } = createTestQueue({ store });
  queue.add(makeEvent(0));
  await queue.flush();
  queue.add(makeEvent(1));
  queue.flushBeacon(true);
  expect(beacon).toHaveBeenCalledOnce();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(open).not.toHaveBeenCalled();
  expect(localStorage.getItem(PENDING_KEY)).toBeNull();

  const hanging = createTestQueue({ store });
  hanging.send.mockReturnValue(new Promise(() => undefined));
  hanging.queue.add(makeEvent(2));
  await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 100);
  expect(open).not.toHaveBeenCalled();
  await until(async () => expect(await stored()).toEqual([[['e2'], false]]));
  expect(localStorage.getItem(PENDING_KEY)).toBe('1');
});

test('a store that fails leaves the events in memory, still sent', async () => {
  const broken: PageStore = {
    put: () => Promise.reject(new Error('QuotaExceededError')),
    all: () => Promise.reject(new Error('QuotaExceededError')),
    del: () => Promise.reject(new Error('QuotaExceededError')),
  };
  const { queue, send, debug } = createTestQueue(
    { store: broken },
    { kind: 'retry', afterMs: null, reason: 'network: TypeError: Failed to fetch' },
  );
  queue.add(makeEvent(0));
  await queue.flush();
  await until(() => expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e0']]));
  expect(debug).toHaveBeenCalledWith('storage failed: events kept in memory', expect.any(Error));
});
