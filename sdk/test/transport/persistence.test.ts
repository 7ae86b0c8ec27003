import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LEASE_MS, type Entry } from '../../src/transport/reconcile.js';
import type { SendOutcome } from '../../src/transport/send.js';
import { createMemoryStore } from '../utils/createMemoryStore.js';
import { createTestQueue } from '../utils/createTestQueue.js';
import { eventIds } from '../utils/eventIds.js';
import { makeEvent } from '../utils/makeEvent.js';
import { restoreProperties } from '../utils/overrideProperty.js';
import { sentBodies, sentEvents } from '../utils/sentBodies.js';
import { setOnline } from '../utils/setOnline.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const unavailable: SendOutcome = { kind: 'retry', afterMs: 10_000, reason: 'HTTP 503' };
const storedIds = (shared: ReturnType<typeof createMemoryStore>) => shared.rows().map((row) => (row as Entry).e.id);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  vi.spyOn(Math, 'random').mockReturnValue(1);
});

afterEach(() => {
  restoreProperties();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The page is closed: its timers never run again. */
function closePage(): void {
  vi.clearAllTimers();
}

describe('across page loads', () => {
  test('events stored by one page load are sent by the next, with their original time', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const first = createTestQueue({ store: shared.store });
    for (let i = 0; i < 3; i++) first.queue.add(makeEvent(i));
    // Written at the end of the task that added them, long before any flush.
    await vi.advanceTimersByTimeAsync(0);
    expect(storedIds(shared)).toEqual(['e0', 'e1', 'e2']);
    // pagehide while offline: no beacon (it could not arrive); the events are released.
    first.queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(0);
    expect(first.beacon).not.toHaveBeenCalled();
    expect(shared.rows().map((row) => (row as Entry).u)).toEqual([0, 0, 0]);
    closePage();

    vi.setSystemTime(NOW + 3_600_000);
    setOnline(true);
    const next = createTestQueue({ store: shared.store });
    await vi.advanceTimersByTimeAsync(1000);
    expect(eventIds(sentBodies(next.send))).toEqual([['e0', 'e1', 'e2']]);
    expect(sentEvents(next.send).map((event) => event.ts)).toEqual([0, 1, 2].map((i) => makeEvent(i).ts));
    expect(shared.rows()).toEqual([]);
    expect(first.send).not.toHaveBeenCalled();
  });

  test('events of a page that vanished without releasing them are sent once its lease ends', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const first = createTestQueue({ store: shared.store });
    first.queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(0);
    closePage();

    setOnline(true);
    const next = createTestQueue({ store: shared.store });
    await vi.advanceTimersByTimeAsync(LEASE_MS - 1);
    expect(next.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(eventIds(sentBodies(next.send))).toEqual([['e0']]);
    expect(shared.rows()).toEqual([]);
  });

  test('a hidden page sends by beacon both what it took over from the store and its new events, then removes them', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const first = createTestQueue({ store: shared.store });
    first.queue.add(makeEvent(0));
    first.queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(0);
    closePage();

    const next = createTestQueue({ store: shared.store });
    // Its first flush, still offline, takes over e0 and sends nothing.
    await vi.advanceTimersByTimeAsync(1000);
    next.queue.add(makeEvent(1));
    setOnline(true);
    next.queue.flushBeacon();
    expect(eventIds(sentBodies(next.beacon))).toEqual([['e0', 'e1']]);
    await vi.advanceTimersByTimeAsync(0);
    expect(shared.rows()).toEqual([]);
    expect(next.queue.size()).toBe(0);
    await vi.advanceTimersByTimeAsync(LEASE_MS * 2);
    expect(next.send).not.toHaveBeenCalled();
  });
});

describe('delivery', () => {
  test('a 2xx removes the events from the store', async () => {
    const shared = createMemoryStore();
    const { queue, send } = createTestQueue({ store: shared.store });
    queue.add(makeEvent(0));
    queue.add(makeEvent(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(storedIds(shared)).toEqual(['e0', 'e1']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(eventIds(sentBodies(send))).toEqual([['e0', 'e1']]);
    expect(shared.rows()).toEqual([]);
  });

  test('a 503 keeps them stored and they are sent again after Retry-After', async () => {
    const shared = createMemoryStore();
    const { queue, send } = createTestQueue({ store: shared.store }, unavailable);
    queue.add(makeEvent(0));
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(storedIds(shared)).toEqual(['e0']);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e0']]);
    expect(shared.rows()).toEqual([]);
  });

  test('while backing off, a hidden page sends no beacon: its events wait in the store, released', async () => {
    const shared = createMemoryStore();
    const { queue, send, beacon } = createTestQueue({ store: shared.store }, unavailable);
    queue.add(makeEvent(0));
    await queue.flush();
    queue.add(makeEvent(1));
    queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(0);
    expect(beacon).not.toHaveBeenCalled();
    expect(shared.rows().map((row) => (row as Entry).u)).toEqual([0, 0]);
    // Still open (only hidden): it takes them back and sends them after the wait.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e0', 'e1']]);
    expect(shared.rows()).toEqual([]);
  });

  test('a 400 drops the batch from the store, with the reason in debug', async () => {
    const shared = createMemoryStore();
    const refused: SendOutcome = { kind: 'drop', reason: 'HTTP 400 {"error":"invalid_body"}' };
    const { queue, send, debug } = createTestQueue({ store: shared.store }, refused);
    queue.add(makeEvent(0));
    await queue.flush();
    expect(debug).toHaveBeenCalledWith('batch dropped: HTTP 400 {"error":"invalid_body"}', [makeEvent(0)]);
    expect(shared.rows()).toEqual([]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('offline', () => {
  test('nothing is sent while offline, everything is stored; flush() (on "online") sends it', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const { queue, send } = createTestQueue({ store: shared.store });
    for (let i = 0; i < 3; i++) queue.add(makeEvent(i));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(send).not.toHaveBeenCalled();
    expect(storedIds(shared)).toEqual(['e0', 'e1', 'e2']);
    setOnline(true);
    await queue.flush();
    expect(eventIds(sentBodies(send))).toEqual([['e0', 'e1', 'e2']]);
    expect(shared.rows()).toEqual([]);
  });

  test('a request that fails because the network went away waits for "online", not for a timer', async () => {
    const { queue, send, debug } = createTestQueue({ store: createMemoryStore().store });
    send.mockImplementationOnce(async () => {
      setOnline(false);
      return { kind: 'retry', afterMs: null, reason: 'network: TypeError: Failed to fetch' };
    });
    queue.add(makeEvent(0));
    await queue.flush();
    expect(debug).toHaveBeenCalledWith('send failed (network: TypeError: Failed to fetch); waiting to be back online');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(send).toHaveBeenCalledTimes(1);
    setOnline(true);
    await queue.flush();
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e0']]);
  });
});

describe('bounds', () => {
  test('the store holds at most MAX_QUEUED events of all tabs; the drop is reported once', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const a = createTestQueue({ store: shared.store, maxBatch: 100 });
    const b = createTestQueue({ store: shared.store, maxBatch: 100 });
    for (let i = 0; i < 600; i++) a.queue.add(makeEvent(i));
    for (let i = 600; i < 1200; i++) b.queue.add(makeEvent(i));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shared.rows()).toHaveLength(1000);
    expect(storedIds(shared)[0]).toBe('e200');
    setOnline(true);
    await a.queue.flush();
    await b.queue.flush();
    const bodies = [...sentBodies(a.send), ...sentBodies(b.send)];
    expect(bodies.flatMap((body) => body.events.map((event) => event.id)).sort()).toEqual(
      Array.from({ length: 1000 }, (_, i) => `e${i + 200}`).sort(),
    );
    expect(bodies.filter((body) => body.dropped)).toEqual([expect.objectContaining({ dropped: { queue_full: 200 } })]);
    expect(shared.rows()).toEqual([]);
  });

  test('drop counts a closing page could not send wait in the store for the next one', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const first = createTestQueue({ store: shared.store, maxBatch: 100 });
    for (let i = 0; i < 1002; i++) first.queue.add(makeEvent(i));
    first.queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(0);
    closePage();
    setOnline(true);
    const next = createTestQueue({ store: shared.store, maxBatch: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentBodies(next.send).map((body) => body.dropped)).toEqual([{ queue_full: 2 }, ...Array(9).fill(undefined)]);
    expect(shared.rows()).toEqual([]);
  });
});

describe('storage failures', () => {
  test('a store that fails: debug says so, events stay in memory and are still sent', async () => {
    const store = vi.fn(() => Promise.reject(new DOMException('quota', 'QuotaExceededError')));
    const { queue, send, debug } = createTestQueue({ store });
    queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(debug).toHaveBeenCalledWith('storage failed; events stay in this page only', expect.any(DOMException));
    expect(eventIds(sentBodies(send))).toEqual([['e0']]);
    queue.add(makeEvent(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(store).toHaveBeenCalledTimes(1);
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e1']]);
  });

  test('a store that throws at once is given up the same way', async () => {
    const { queue, send } = createTestQueue({
      store: () => {
        throw new ReferenceError('indexedDB is not defined');
      },
    });
    queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(eventIds(sentBodies(send))).toEqual([['e0']]);
  });

  test('a store that never answers is given up after 10 s; nothing is lost', async () => {
    const { queue, send, beacon } = createTestQueue({ store: () => new Promise(() => undefined) });
    queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(eventIds(sentBodies(send))).toEqual([['e0']]);
    queue.add(makeEvent(1));
    queue.flushBeacon();
    expect(eventIds(sentBodies(beacon))).toEqual([['e1']]);
  });
});
