/**
 * The delivery queue of one page. Events wait in IndexedDB (in memory where it is missing or
 * fails) until the collector has them; they go out in batches of `maxBatch` or after
 * `flushInterval`, one request at a time, by fetch (keepalive, text/plain); failures are
 * retried with exponential backoff and jitter, honouring Retry-After; nothing is sent while
 * offline. When the page is hidden or left, what this page holds goes by `sendBeacon`.
 * How tabs share the stored queue: `reconcile.ts`.
 *
 * At least once: an event leaves the store after a 2xx, a 4xx that retrying cannot fix, or a
 * beacon the browser took. A beacon taken but never delivered is lost; an event whose 2xx
 * was lost (or whose removal was cut short by the page closing) is sent again, and the
 * collector counts its id once.
 */
import { MAX_EVENTS_PER_BATCH, type SightlineEvent } from '@sightline/protocol';
import { addCounts } from '../lib/addCounts.js';
import { byteLength } from '../lib/byteLength.js';
import { randomId } from '../lib/randomId.js';
import { withTimeout } from '../lib/withTimeout.js';
import { createIdbStore } from './idbStore.js';
import {
  LEASE_MS,
  MAX_QUEUED,
  MAX_QUEUED_BYTES,
  overCap,
  type Counts,
  type Entry,
  type EntryKey,
  type QueueStore,
  type Row,
} from './reconcile.js';
import { KEEPALIVE_MAX_BYTES, type SendOutcome } from './send.js';

export { MAX_QUEUED, MAX_QUEUED_BYTES };

/** Leaves room under the keepalive/beacon limit for the envelope. */
const BODY_MAX_BYTES = KEEPALIVE_MAX_BYTES - 1000;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 60_000;
/** A store that does not answer in this time is given up for the page (IndexedDB opens have hung). */
const STORE_TIMEOUT_MS = 10_000;

export interface QueueOptions {
  site: string;
  maxBatch: number;
  flushInterval: number;
  send(body: string): Promise<SendOutcome>;
  beacon(body: string): boolean;
  debug(message: string, detail?: unknown): void;
  /** Where events wait across page loads. Default: IndexedDB; `null`: this page's memory only. */
  store?: QueueStore | null;
}

export interface Queue {
  add(event: SightlineEvent): void;
  /** Sends what is due now; resolves when nothing is left or delivery must wait. */
  flush(): Promise<void>;
  /** Hands what this page holds to `sendBeacon` (page hidden or leaving). */
  flushBeacon(): void;
  size(): number;
}

/** The longest run from the front of `list` of at most `max` events that fits one body. */
function take(list: Entry[], max: number): Entry[] {
  let n = 0;
  let size = 0;
  for (const x of list) {
    size += x.b + 1;
    if (n === max || (n && size > BODY_MAX_BYTES)) break;
    n++;
  }
  return list.slice(0, n);
}

export function createQueue(o: QueueOptions): Queue {
  const tab = randomId();
  let store = o.store === undefined ? createIdbStore(`sightline-${o.site}`) : o.store;
  /** What this page may send, oldest first: the events it added and those it claimed. */
  let own: Entry[] = [];
  /** Events not yet written to the store. */
  let unsaved: Entry[] = [];
  /** Delivered or dropped, still to be deleted from the store. */
  const gone = new Map<string, EntryKey>();
  /** Ids of events in flight. */
  const busy = new Set<string>();
  /** Events dropped before sending, by reason, until a body that arrives reports them. */
  let dropped: Counts = {};
  let seq = 0;
  let backoff = 0;
  let retryAt = 0;
  let due = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | null = null;
  let syncing: Promise<void> = Promise.resolve();

  const forget = (list: Entry[]): void => {
    const ids = new Set(list.map((x) => x.e.id));
    if (store) for (const x of list) gone.set(x.e.id, x.k);
    own = own.filter((x) => !ids.has(x.e.id));
  };
  /** Not in flight and, with a shared store, held long enough that no other tab can take it. */
  const sendable = (now: number): Entry[] =>
    own.filter((x) => !busy.has(x.e.id) && (!store || x.u - now > LEASE_MS / 4));
  const body = (list: Entry[], report: Counts): string =>
    JSON.stringify({
      site: o.site,
      events: list.map((x) => x.e),
      dropped: Object.keys(report).length ? report : undefined,
    });

  /** Runs `flush` in `ms`, unless it is due sooner already. */
  function schedule(ms: number): void {
    const at = Date.now() + ms;
    if (timer !== undefined && due <= at) return;
    clearTimeout(timer);
    due = at;
    timer = setTimeout(() => {
      timer = undefined;
      // A drain under way may be past the point where it looks for new work: come back.
      if (sending) schedule(o.flushInterval);
      else void flush();
    }, ms);
  }

  /**
   * Writes new events and removals to the store; a full sync also applies the bounds and
   * claims, and `leaving` releases what this page holds. One at a time, in call order.
   */
  function sync(full: boolean, leaving?: boolean): Promise<void> {
    return (syncing = syncing.then(async () => {
      if (!store) return;
      // Events beaconed (or dropped) before they were ever written need no write.
      const put: Row[] = unsaved.filter((x) => !gone.has(x.e.id));
      const del = [...gone.values()];
      unsaved = [];
      gone.clear();
      if (leaving) {
        // Only what it surely still holds: a row whose lease ran out may have been sent
        // (and deleted) by another tab, and writing it again would send it twice.
        for (const x of sendable(Date.now())) put.push(Object.assign(x, { u: 0 }));
        if (Object.keys(dropped).length) put.push({ k: `${tab}.${seq++}`, d: dropped });
        dropped = {};
      }
      if (!full && !put.length && !del.length) return;
      try {
        const result = await withTimeout(store({ tab, now: Date.now(), put, del, full }), STORE_TIMEOUT_MS);
        addCounts(dropped, result.dropped);
        if (result.mine) own = [...result.mine.filter((x) => !gone.has(x.e.id)), ...unsaved];
        if (result.next) schedule(result.next - Date.now());
      } catch (error) {
        o.debug('storage failed; events stay in this page only', error);
        store = null;
        gone.clear();
      }
    }));
  }

  async function post(batch: Entry[]): Promise<SendOutcome['kind']> {
    const report = dropped;
    dropped = {};
    for (const x of batch) busy.add(x.e.id);
    const outcome = await o.send(body(batch, report));
    for (const x of batch) busy.delete(x.e.id);
    if (outcome.kind !== 'retry') {
      backoff = retryAt = 0;
      forget(batch);
      if (outcome.kind === 'drop') o.debug(`batch dropped: ${outcome.reason}`, batch.map((x) => x.e));
    } else {
      addCounts(dropped, report);
      let next = 'waiting to be back online';
      if (navigator.onLine !== false) {
        backoff = backoff ? Math.min(backoff * 2, BACKOFF_MAX_MS) : BACKOFF_MIN_MS;
        const wait = Math.max(outcome.afterMs ?? 0, backoff / 2 + Math.random() * (backoff / 2));
        next = `retrying in ${Math.round(wait)} ms`;
        retryAt = Date.now() + wait;
        schedule(wait);
      }
      o.debug(`send failed (${outcome.reason}); ${next}`);
    }
    return outcome.kind;
  }

  async function drain(): Promise<void> {
    // The first sync of a drain reads the store (claims, bounds); the next ones only write,
    // until leases run short.
    for (let full = true; ; full = own.some((x) => x.u - Date.now() <= LEASE_MS / 4)) {
      if (store) await sync(full);
      const wait = retryAt - Date.now();
      if (wait > 0) return schedule(wait);
      // Offline: the 'online' event flushes again.
      if (navigator.onLine === false) return;
      const batch = take(sendable(Date.now()), o.maxBatch);
      if (!batch.length || (await post(batch)) === 'retry') return;
    }
  }

  function flush(): Promise<void> {
    if (!sending) {
      clearTimeout(timer);
      timer = undefined;
      sending = drain()
        .catch((error) => o.debug('send failed', error))
        .finally(() => {
          sending = null;
        });
    }
    return sending;
  }

  // Events an earlier page load (or a closed tab) left behind.
  if (store) schedule(o.flushInterval);

  return {
    add(event) {
      const x: Entry = {
        k: [event.ts, seq++, event.id],
        e: event,
        b: byteLength(JSON.stringify(event)),
        o: tab,
        u: Date.now() + LEASE_MS,
      };
      own.push(x);
      // Written once this task is over, with whatever else it adds: a page closed before
      // the next flush still leaves its events to the next page load.
      if (store && unsaved.push(x) === 1) void sync(false);
      // The oldest go, but not those in flight: they are about to be delivered.
      const idle = own.filter((y) => !busy.has(y.e.id));
      const n = overCap(idle);
      if (n) {
        forget(idle.slice(0, n));
        addCounts(dropped, { queue_full: n });
        o.debug(`queue full: ${n} oldest events dropped`);
      }
      if (!sending && Date.now() >= retryAt && idle.length - n >= o.maxBatch) void flush();
      else schedule(o.flushInterval);
    },
    flush,
    flushBeacon() {
      const now = Date.now();
      // With a store, events rather wait there than ride a beacon that cannot arrive
      // (offline) or that the collector asked to hold back (backoff, Retry-After).
      if (!store || (navigator.onLine !== false && now >= retryAt)) {
        for (let rest = sendable(now); rest.length; ) {
          const chunk = take(rest, MAX_EVENTS_PER_BATCH);
          rest = rest.slice(chunk.length);
          if (o.beacon(body(chunk, dropped))) {
            dropped = {};
            forget(chunk);
            // Refused (quota, size, no sendBeacon): fetch with keepalive outlives the page too.
          } else void post(chunk);
        }
      }
      // What is left is released, for another tab or the next page load to send at once.
      void sync(false, true);
    },
    size: () => own.length,
  };
}
