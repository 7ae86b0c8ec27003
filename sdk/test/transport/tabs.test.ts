import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LEASE_MS } from '../../src/transport/reconcile.js';
import type { SendOutcome } from '../../src/transport/send.js';
import { createDeferred } from '../utils/createDeferred.js';
import { createMemoryStore } from '../utils/createMemoryStore.js';
import { createTestQueue } from '../utils/createTestQueue.js';
import { eventIds } from '../utils/eventIds.js';
import { makeEvent } from '../utils/makeEvent.js';
import { restoreProperties } from '../utils/overrideProperty.js';
import { sentBodies } from '../utils/sentBodies.js';
import { setOnline } from '../utils/setOnline.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const networkError: SendOutcome = { kind: 'retry', afterMs: null, reason: 'network: TypeError: Failed to fetch' };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

afterEach(() => {
  restoreProperties();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Two tabs of one browser: two queues on one store. */
function openTabs(options = {}) {
  const shared = createMemoryStore();
  const a = createTestQueue({ store: shared.store, ...options });
  const b = createTestQueue({ store: shared.store, ...options });
  return { shared, a, b };
}

/** Ids delivered (a 2xx, or a beacon taken) by a tab, in order. */
function delivered(tab: ReturnType<typeof createTestQueue>, outcomes: SendOutcome['kind'][]): string[] {
  const fetched = sentBodies(tab.send).filter((_, i) => outcomes[i] === 'ok');
  return [...eventIds(fetched), ...eventIds(sentBodies(tab.beacon))].flat();
}

describe('two tabs', () => {
  test('each sends the events it added; none is sent by both, none is lost', async () => {
    const { shared, a, b } = openTabs({ maxBatch: 3 });
    const outcomes = new Map([[a, [] as SendOutcome['kind'][]], [b, [] as SendOutcome['kind'][]]]);
    // A flaky collector and network: a third of the requests fail.
    let n = 0;
    for (const tab of [a, b]) {
      tab.send.mockImplementation(async () => {
        const outcome = ++n % 3 === 0 ? networkError : { kind: 'ok' as const };
        outcomes.get(tab)?.push(outcome.kind);
        return outcome;
      });
    }
    for (let i = 0; i < 40; i++) {
      (i % 3 ? a : b).queue.add(makeEvent(i));
      await vi.advanceTimersByTimeAsync(300);
    }
    // One tab is hidden mid-way: what it holds goes by beacon.
    a.queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(10 * LEASE_MS);
    const byA = delivered(a, outcomes.get(a)!);
    const byB = delivered(b, outcomes.get(b)!);
    expect(byA.filter((id) => byB.includes(id))).toEqual([]);
    expect([...byA, ...byB].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `e${i}`).sort());
    expect(new Set([...byA, ...byB]).size).toBe(40);
    expect(shared.rows()).toEqual([]);
  });

  test("a tab never sends what another tab holds, even while that tab's request hangs", async () => {
    const { a, b } = openTabs();
    const hanging = createDeferred<SendOutcome>();
    a.send.mockImplementationOnce(() => hanging.promise);
    a.queue.add(makeEvent(0));
    b.queue.add(makeEvent(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(eventIds(sentBodies(a.send))).toEqual([['e0']]);
    expect(eventIds(sentBodies(b.send))).toEqual([['e1']]);
    // B flushes, is hidden, flushes again: e0 is A's.
    await b.queue.flush();
    b.queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(eventIds(sentBodies(b.send))).toEqual([['e1']]);
    expect(b.beacon).not.toHaveBeenCalled();
    hanging.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(10 * LEASE_MS);
    expect(eventIds(sentBodies(a.send))).toEqual([['e0']]);
    expect(eventIds(sentBodies(b.send))).toEqual([['e1']]);
  });

  test('the events of a tab that went quiet are taken over when its lease ends, and it then leaves them alone', async () => {
    const { shared, a, b } = openTabs();
    setOnline(false);
    a.queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(0);
    // A is frozen (a background tab): time jumps, its timers do not run.
    setOnline(true);
    b.queue.add(makeEvent(1));
    await b.queue.flush();
    expect(eventIds(sentBodies(b.send))).toEqual([['e1']]);
    vi.setSystemTime(NOW + LEASE_MS);
    await b.queue.flush();
    expect(eventIds(sentBodies(b.send))).toEqual([['e1'], ['e0']]);
    // A wakes up, is hidden: e0 is no longer its to send.
    a.queue.flushBeacon();
    await a.queue.flush();
    expect(a.beacon).not.toHaveBeenCalled();
    expect(a.send).not.toHaveBeenCalled();
    expect(a.queue.size()).toBe(0);
    expect(shared.rows()).toEqual([]);
  });

  test('two page loads starting together share the leftovers without overlap', async () => {
    const shared = createMemoryStore();
    setOnline(false);
    const gone = createTestQueue({ store: shared.store });
    for (let i = 0; i < 5; i++) gone.queue.add(makeEvent(i));
    gone.queue.flushBeacon();
    await vi.advanceTimersByTimeAsync(0);
    vi.clearAllTimers();
    setOnline(true);
    const a = createTestQueue({ store: shared.store });
    const b = createTestQueue({ store: shared.store });
    await Promise.all([a.queue.flush(), b.queue.flush()]);
    expect([...eventIds(sentBodies(a.send)), ...eventIds(sentBodies(b.send))]).toEqual([
      ['e0', 'e1', 'e2', 'e3', 'e4'],
    ]);
    expect(shared.rows()).toEqual([]);
  });
});
