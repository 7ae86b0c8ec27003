import { MAX_EVENTS_PER_BATCH } from '@sightline/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { byteLength } from '../../src/lib/byteLength.js';
import { MAX_QUEUED } from '../../src/transport/queue.js';
import { KEEPALIVE_MAX_BYTES, type SendOutcome } from '../../src/transport/send.js';
import { createDeferred } from '../utils/createDeferred.js';
import { createTestQueue } from '../utils/createTestQueue.js';
import { eventIds } from '../utils/eventIds.js';
import { makeEvent } from '../utils/makeEvent.js';
import { sentBodies } from '../utils/sentBodies.js';

const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `e${from + i}`);
const networkError: SendOutcome = { kind: 'retry', afterMs: null, reason: 'network: TypeError: Failed to fetch' };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  // No jitter: every wait is the top of its backoff window.
  vi.spyOn(Math, 'random').mockReturnValue(1);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('batching', () => {
  test('waits flushInterval, then sends what waits as one {site, events} body', async () => {
    const { queue, send } = createTestQueue();
    queue.add(makeEvent(0));
    queue.add(makeEvent(1));
    await vi.advanceTimersByTimeAsync(999);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledExactlyOnceWith(JSON.stringify({ site: 'demo', events: [makeEvent(0), makeEvent(1)] }));
    expect(queue.size()).toBe(0);
  });

  test('the wait starts with the first event; later events do not push it back', async () => {
    const { queue, send } = createTestQueue();
    queue.add(makeEvent(0));
    await vi.advanceTimersByTimeAsync(600);
    queue.add(makeEvent(1));
    await vi.advanceTimersByTimeAsync(400);
    expect(eventIds(sentBodies(send))).toEqual([['e0', 'e1']]);
  });

  test('sends at once when maxBatch events wait, and a backlog in batches of maxBatch', async () => {
    const { queue, send } = createTestQueue({ maxBatch: 3 });
    for (let i = 0; i < 2; i++) queue.add(makeEvent(i));
    expect(send).not.toHaveBeenCalled();
    for (let i = 2; i < 7; i++) queue.add(makeEvent(i));
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(eventIds(sentBodies(send))).toEqual([ids(0, 3), ids(3, 6), ids(6, 7)]);
    expect(queue.size()).toBe(0);
  });

  test('has one request in flight at a time', async () => {
    const inFlight = createDeferred<SendOutcome>();
    const { queue, send } = createTestQueue({ maxBatch: 2 });
    send.mockImplementationOnce(() => inFlight.promise);
    for (let i = 0; i < 6; i++) queue.add(makeEvent(i));
    await vi.advanceTimersByTimeAsync(5000);
    void queue.flush();
    expect(send).toHaveBeenCalledTimes(1);
    inFlight.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);
    expect(eventIds(sentBodies(send))).toEqual([ids(0, 2), ids(2, 4), ids(4, 6)]);
  });

  test('flush() sends everything now and resolves once it is delivered', async () => {
    const { queue, send } = createTestQueue({ maxBatch: 2 });
    for (let i = 0; i < 5; i++) queue.add(makeEvent(i));
    send.mockClear();
    await queue.flush();
    expect(queue.size()).toBe(0);
    expect(send).toHaveBeenCalledTimes(2);
  });

  test('flush() with nothing queued sends nothing', async () => {
    const { queue, send } = createTestQueue();
    await queue.flush();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('retry', () => {
  test.each([
    ['a network error', 1000, networkError],
    ['a 5xx', 1000, { kind: 'retry', afterMs: null, reason: 'HTTP 503' } as SendOutcome],
    ['a 503 with Retry-After: 10', 10_000, { kind: 'retry', afterMs: 10_000, reason: 'HTTP 503' } as SendOutcome],
    ['a 429 with Retry-After: 30', 30_000, { kind: 'retry', afterMs: 30_000, reason: 'HTTP 429' } as SendOutcome],
    ['a 429 with Retry-After: 0 (the backoff still applies)', 1000, { kind: 'retry', afterMs: 0, reason: 'HTTP 429' } as SendOutcome],
  ])('after %s the batch is sent again %i ms later, once', async (_, wait, failure) => {
    const { queue, send, debug } = createTestQueue({}, failure);
    queue.add(makeEvent(0));
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.size()).toBe(1);
    expect(debug).toHaveBeenCalledWith(`send failed (${(failure as { reason: string }).reason}); retry in ms`, wait);
    await vi.advanceTimersByTimeAsync(wait - 1);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(queue.size()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e0']]);
  });

  test.each([
    [1, [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]],
    [0, [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]],
  ])('backs off exponentially up to a minute (Math.random() = %d)', async (random, gaps) => {
    vi.mocked(Math.random).mockReturnValue(random);
    const { queue, send } = createTestQueue();
    const times: number[] = [];
    send.mockImplementation(async () => {
      times.push(Date.now());
      return networkError;
    });
    queue.add(makeEvent(0));
    await queue.flush();
    await vi.advanceTimersByTimeAsync(gaps.reduce((a, b) => a + b, 0));
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual(gaps);
  });

  test('the backoff starts over after a success', async () => {
    const { queue, send } = createTestQueue({}, networkError, networkError, { kind: 'ok' }, networkError);
    queue.add(makeEvent(0));
    await queue.flush();
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    expect(send).toHaveBeenCalledTimes(3);
    queue.add(makeEvent(1));
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(5);
  });

  test('never loses, duplicates or reorders events across failures', async () => {
    const outcomes: SendOutcome[] = [];
    const { queue, send } = createTestQueue({ maxBatch: 3 });
    send.mockImplementation(async () => {
      // Fail every other request.
      const outcome: SendOutcome = send.mock.calls.length % 2 === 1 ? networkError : { kind: 'ok' };
      outcomes.push(outcome);
      return outcome;
    });
    for (let i = 0; i < 20; i++) {
      queue.add(makeEvent(i));
      await vi.advanceTimersByTimeAsync(700);
    }
    await vi.advanceTimersByTimeAsync(600_000);
    expect(queue.size()).toBe(0);
    const delivered = sentBodies(send)
      .filter((_, i) => outcomes[i]?.kind === 'ok')
      .flatMap((body) => body.events.map((event) => event.id));
    expect(delivered).toEqual(ids(0, 20));
  });

  test('honours Retry-After even when events arrive while the refused request is in flight', async () => {
    const inFlight = createDeferred<SendOutcome>();
    const { queue, send } = createTestQueue();
    send.mockImplementationOnce(() => inFlight.promise);
    queue.add(makeEvent(0));
    void queue.flush();
    // Sets the flushInterval timer while the request is in flight.
    queue.add(makeEvent(1));
    inFlight.resolve({ kind: 'retry', afterMs: 30_000, reason: 'HTTP 429' });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e0', 'e1']]);
  });

  test('honours Retry-After even when maxBatch events pile up during the wait', async () => {
    const { queue, send } = createTestQueue({ maxBatch: 2 }, { kind: 'retry', afterMs: 30_000, reason: 'HTTP 429' });
    queue.add(makeEvent(0));
    queue.add(makeEvent(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    for (let i = 2; i < 7; i++) queue.add(makeEvent(i));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(eventIds(sentBodies(send))).toEqual([ids(0, 2), ids(0, 2), ids(2, 4), ids(4, 6), ids(6, 7)]);
  });
});

describe('drop', () => {
  test('a refused batch (400) is dropped with a debug message, never retried', async () => {
    const drop: SendOutcome = { kind: 'drop', reason: 'HTTP 400 {"error":"invalid_body"}' };
    const { queue, send, debug } = createTestQueue({}, drop);
    queue.add(makeEvent(0));
    await queue.flush();
    expect(queue.size()).toBe(0);
    expect(debug).toHaveBeenCalledWith('batch dropped: HTTP 400 {"error":"invalid_body"}', [makeEvent(0)]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(send).toHaveBeenCalledTimes(1);
    // The queue goes on with the next events.
    queue.add(makeEvent(1));
    await queue.flush();
    expect(eventIds(sentBodies(send))).toEqual([['e0'], ['e1']]);
  });

  test(`keeps at most ${MAX_QUEUED} events while the collector fails, dropping the oldest; the next body counts them once`, async () => {
    const { queue, send, debug } = createTestQueue({ maxBatch: 100 }, networkError);
    queue.add(makeEvent(0));
    await queue.flush();
    for (let i = 1; i < MAX_QUEUED + 5; i++) queue.add(makeEvent(i));
    expect(queue.size()).toBe(MAX_QUEUED);
    expect(debug).toHaveBeenCalledTimes(1 + 5);
    expect(debug).toHaveBeenLastCalledWith('queue full: oldest dropped', 1);
    send.mockClear();
    // The retry (an explicit flush() honours the backoff too).
    await vi.advanceTimersByTimeAsync(1000);
    const bodies = sentBodies(send);
    expect(bodies.flatMap((body) => body.events.map((event) => event.id))).toEqual(ids(5, MAX_QUEUED + 5));
    expect(bodies.map((body) => body.dropped)).toEqual([{ queue_full: 5 }, ...Array(9).fill(undefined)]);
    expect(queue.size()).toBe(0);
  });

  test('a full queue drops the oldest events not in flight; the batch in flight is delivered', async () => {
    const inFlight = createDeferred<SendOutcome>();
    const { queue, send } = createTestQueue({ maxBatch: 100 });
    send.mockImplementationOnce(() => inFlight.promise);
    // e0…e99 go out; 150 more than fit arrive meanwhile: e100…e149 leave the queue.
    for (let i = 0; i < MAX_QUEUED + 150; i++) queue.add(makeEvent(i));
    expect(queue.size()).toBe(MAX_QUEUED + 100);
    inFlight.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);
    const bodies = sentBodies(send);
    expect(bodies.flatMap((body) => body.events.map((event) => event.id))).toEqual([
      ...ids(0, 100),
      ...ids(150, MAX_QUEUED + 150),
    ]);
    expect(bodies[1]?.dropped).toEqual({ queue_full: 50 });
    expect(queue.size()).toBe(0);
  });
});

describe('flushBeacon', () => {
  test('hands everything waiting to sendBeacon as one {site, events} body', async () => {
    const { queue, send, beacon } = createTestQueue();
    for (let i = 0; i < 3; i++) queue.add(makeEvent(i));
    queue.flushBeacon();
    expect(beacon).toHaveBeenCalledExactlyOnceWith(
      JSON.stringify({ site: 'demo', events: [makeEvent(0), makeEvent(1), makeEvent(2)] }),
    );
    expect(queue.size()).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).not.toHaveBeenCalled();
  });

  test('does nothing when nothing waits', () => {
    const { queue, beacon } = createTestQueue();
    queue.flushBeacon();
    expect(beacon).not.toHaveBeenCalled();
  });

  test('when the browser refuses the beacon, the events go by fetch (keepalive) at once', async () => {
    const { queue, send, beacon } = createTestQueue();
    beacon.mockReturnValue(false);
    for (let i = 0; i < 3; i++) queue.add(makeEvent(i));
    queue.flushBeacon();
    expect(eventIds(sentBodies(send))).toEqual([ids(0, 3)]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.size()).toBe(0);
  });

  test('carries the drop counts, once', async () => {
    const { queue, beacon } = createTestQueue({ maxBatch: 100 }, networkError);
    queue.add(makeEvent(0));
    await queue.flush();
    for (let i = 1; i < MAX_QUEUED + 2; i++) queue.add(makeEvent(i));
    queue.flushBeacon();
    queue.add(makeEvent(9999));
    queue.flushBeacon();
    expect(sentBodies(beacon).map((body) => body.dropped)).toEqual([{ queue_full: 2 }, undefined, undefined]);
  });

  test('does not re-send the batch already in flight', async () => {
    const inFlight = createDeferred<SendOutcome>();
    const { queue, send, beacon } = createTestQueue({ maxBatch: 2 });
    send.mockImplementationOnce(() => inFlight.promise);
    for (let i = 0; i < 5; i++) queue.add(makeEvent(i));
    queue.flushBeacon();
    expect(eventIds(sentBodies(beacon))).toEqual([ids(2, 5)]);
    inFlight.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(eventIds(sentBodies(send))).toEqual([ids(0, 2)]);
    expect(queue.size()).toBe(0);
  });

  test('an in-flight batch that then fails is retried, without the beaconed events', async () => {
    const inFlight = createDeferred<SendOutcome>();
    const { queue, send, beacon } = createTestQueue({ maxBatch: 2 });
    send.mockImplementationOnce(() => inFlight.promise);
    for (let i = 0; i < 5; i++) queue.add(makeEvent(i));
    queue.flushBeacon();
    inFlight.resolve(networkError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(eventIds(sentBodies(beacon))).toEqual([ids(2, 5)]);
    expect(eventIds(sentBodies(send))).toEqual([ids(0, 2), ids(0, 2)]);
    expect(queue.size()).toBe(0);
  });

  test(`splits into beacons of at most ${MAX_EVENTS_PER_BATCH} events`, () => {
    const { queue, send, beacon } = createTestQueue({ maxBatch: 100 });
    // e0…e99 stay in flight; the other 900 go by beacon.
    send.mockImplementationOnce(() => new Promise(() => undefined));
    for (let i = 0; i < MAX_QUEUED; i++) queue.add(makeEvent(i));
    queue.flushBeacon();
    expect(sentBodies(beacon).map((body) => body.events.length)).toEqual([MAX_EVENTS_PER_BATCH, 400]);
    expect(eventIds(sentBodies(beacon)).flat()).toEqual(ids(100, MAX_QUEUED));
  });

  test.each([
    ['ASCII', 'x'],
    ['multi-byte', '語'],
  ])('splits %s text into beacons under the size limit, in order', (_, char) => {
    const { queue, beacon } = createTestQueue({ maxBatch: 100, flushInterval: 60_000 });
    const events = Array.from({ length: 60 }, (_, i) => makeEvent(i, { title: char.repeat(1000) }));
    for (const event of events) queue.add(event);
    queue.flushBeacon();
    const bodies = beacon.mock.calls.map((call) => call[0]);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(byteLength(body)).toBeLessThanOrEqual(KEEPALIVE_MAX_BYTES);
    expect(eventIds(sentBodies(beacon)).flat()).toEqual(ids(0, 60));
  });
});
