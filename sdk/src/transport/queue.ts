/**
 * The delivery queue of one page: at least once here, exactly once at the collector (it
 * stores an event id once). Events wait in this page's memory until the collector has
 * them; they go out in batches of `maxBatch` or after `flushInterval`, one request at a
 * time, by fetch (keepalive, text/plain); failures are retried with exponential backoff and
 * jitter, honouring Retry-After; nothing is sent while offline. When the page is hidden or
 * left, what waits goes by `sendBeacon`.
 *
 * So that a crash, a closed tab or an offline spell loses nothing, the page writes its whole
 * list under its own key (`pageStore.ts`) once delivery is in doubt: a send failed, the
 * page is offline or left with events unsent, or an event has waited `SAVE_AFTER_MS`
 * (a page whose collector answers at once never opens IndexedDB: it costs main-thread
 * time on every load). From then on the row follows every change of the list. A later
 * page load adopts the lists of pages that are gone (left, or silent for `STALE_MS`) and
 * sends them; it looks only when a page wrote a list (`PENDING_KEY` in localStorage). Two
 * pages may send the same orphan: the collector counts it once. An event leaves the list after a
 * 2xx, a 4xx that retrying cannot fix, or a beacon the browser took (a beacon taken but
 * never delivered is lost).
 */
import { MAX_EVENTS_PER_BATCH, type SightlineEvent } from '@sightline/protocol';
import { byteLength } from '../lib/byteLength.js';
import { randomId } from '../lib/randomId.js';
import { createPageStore, type PageStore, type StoredPage } from './pageStore.js';
import { KEEPALIVE_MAX_BYTES, type SendOutcome } from './send.js';

/** Bound of one page's list (events are bounded in size too); past it the oldest are dropped. */
export const MAX_QUEUED = 1000;
/**
 * A list not written for this long belongs to a page that is gone (crashed, killed while
 * hidden, closed before its last write committed). A page holding events rewrites its
 * list every `STALE_MS / 4`, so a live page's list is taken only when its timers stall
 * (a frozen background tab): then both send, and the collector counts each event once.
 */
export const STALE_MS = 20_000;
/** An event still unsent this long after it was added is written to the store. */
export const SAVE_AFTER_MS = 3000;
/** Set in localStorage when a page writes its list: later page loads then look for orphans. */
export const PENDING_KEY = 'sightline_pending';
/** Leaves room under the keepalive/beacon limit for the envelope. */
const BODY_MAX_BYTES = KEEPALIVE_MAX_BYTES - 1000;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 60_000;

type Counts = Record<string, number>;

export interface QueueOptions {
  site: string;
  maxBatch: number;
  flushInterval: number;
  send(body: string): Promise<SendOutcome>;
  beacon(body: string): boolean;
  debug(message: string, detail?: unknown): void;
  /** Where lists wait across page loads. Default: IndexedDB; `null`: this page's memory only. */
  store?: PageStore | null;
}

export interface Queue {
  add(event: SightlineEvent): void;
  /** Sends what is due now; resolves when nothing is left or delivery must wait. */
  flush(): Promise<void>;
  /** Hands what waits to `sendBeacon` (page hidden, or `left`: the page is going away). */
  flushBeacon(left?: boolean): void;
  size(): number;
}

/** The longest run from the front of `list` of at most `max` events that fits one body. */
function take(list: SightlineEvent[], max: number): SightlineEvent[] {
  let n = 0;
  for (let size = 0; n < list.length && n < max && (size += byteLength(JSON.stringify(list[n])) + 1) <= BODY_MAX_BYTES; ) n++;
  // One event alone always goes (the collector's bounds keep it far below the limit).
  return list.slice(0, n || 1);
}

export function createQueue(o: QueueOptions): Queue {
  const key = randomId();
  let store = o.store === undefined ? createPageStore(`sightline-pages-${o.site}`) : o.store;
  /** This page's unsent events, oldest first (its own and those it adopted). */
  let list: SightlineEvent[] = [];
  const flying = new Set<SightlineEvent>();
  /** Events dropped before sending, by reason, until a body that arrives reports them. */
  let dropped: Counts = {};
  let left: 1 | undefined;
  /** Whether this page's row exists in the store; a save is pending; the heartbeat runs. */
  let stored = false;
  let saving = false;
  let beat: ReturnType<typeof setTimeout> | undefined;
  let backoff = 0;
  let retryAt = 0;
  let due = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | null = null;

  const pending = (value?: string): string | null | undefined => {
    try {
      const storage = localStorage;
      if (value === undefined) return storage.getItem(PENDING_KEY);
      if (value) storage.setItem(PENDING_KEY, value);
      else storage.removeItem(PENDING_KEY);
    } catch {
      // no localStorage: look every time
      return '1';
    }
  };
  const fail = (error: unknown): void => {
    o.debug('storage failed: events kept in memory', error);
    store = null;
  };
  /** Writes this page's list as it is now (or deletes the row once the list is empty). */
  const save = (): void => {
    saving = false;
    clearTimeout(beat);
    beat = undefined;
    if (!store || (!list.length && !stored)) return;
    stored = !!list.length;
    store.put(key, stored ? { t: Date.now(), g: left, e: list } : undefined).catch(fail);
    if (stored) {
      pending('1');
      // Tells other pages this one is alive while it holds events.
      beat = setTimeout(save, STALE_MS / 4);
    }
  };
  /** Once the current task is over, with whatever else it changes. */
  const saveSoon = (): void => {
    if (store && !saving) {
      saving = true;
      void Promise.resolve().then(save);
    }
  };
  const remove = (batch: SightlineEvent[]): void => {
    list = list.filter((e) => !batch.includes(e));
    if (stored) saveSoon();
  };
  const body = (batch: SightlineEvent[]): string => {
    const report = dropped;
    dropped = {};
    return JSON.stringify({ site: o.site, events: batch, dropped: Object.keys(report).length ? report : undefined });
  };
  const putBack = (report: string): void => {
    const counts = (JSON.parse(report) as { dropped?: Counts }).dropped;
    for (const k in counts) dropped[k] = (dropped[k] ?? 0) + (counts[k] as number);
  };

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

  async function post(batch: SightlineEvent[]): Promise<boolean> {
    for (const e of batch) flying.add(e);
    const text = body(batch);
    const outcome = await o.send(text);
    for (const e of batch) flying.delete(e);
    if (outcome.kind !== 'retry') {
      backoff = retryAt = 0;
      remove(batch);
      if (outcome.kind === 'drop') o.debug(`batch dropped: ${outcome.reason}`, batch);
      return true;
    }
    putBack(text);
    save();
    let wait = 0;
    if (navigator.onLine !== false) {
      backoff = backoff ? Math.min(backoff * 2, BACKOFF_MAX_MS) : BACKOFF_MIN_MS;
      wait = Math.max(outcome.afterMs ?? 0, backoff / 2 + Math.random() * (backoff / 2));
      retryAt = Date.now() + wait;
      schedule(wait);
    }
    // 0: offline, the 'online' event sends again.
    o.debug(`send failed (${outcome.reason}); retry in ms`, Math.round(wait));
    return false;
  }

  async function drain(): Promise<void> {
    for (;;) {
      const wait = retryAt - Date.now();
      if (wait > 0) return schedule(wait);
      // Offline: the 'online' event flushes again; meanwhile the events are written.
      if (navigator.onLine === false) return save();
      const ready = list.filter((e) => !flying.has(e));
      if (!ready.length || !(await post(take(ready, o.maxBatch)))) return;
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

  /** Takes the lists of pages that are gone; looks again when a live-looking one may go stale. */
  const adopt = (): void => {
    if (!pending()) return;
    // Cleared before reading: a list written meanwhile sets it again.
    pending('');
    store?.all().then((rows) => {
      const now = Date.now();
      const ids = new Set(list.map((e) => e.id));
      const orphans: string[] = [];
      let next = Infinity;
      for (const [k, v] of rows as [string, StoredPage][]) {
        if (k === key) continue;
        if (v.g || now - v.t >= STALE_MS) {
          orphans.push(k);
          list = [...v.e.filter((e) => !ids.has(e.id) && ids.add(e.id)), ...list];
        } else next = Math.min(next, v.t + STALE_MS - now);
      }
      if (next < Infinity || stored) pending('1');
      if (next < Infinity) setTimeout(adopt, next);
      if (orphans.length) {
        // Written under this page's key before the orphans' rows go: never in neither.
        save();
        void store?.del(orphans);
        schedule(0);
      }
    }, fail);
  };
  // Off the load path: the main thread is busy with the page's own load.
  if (store) setTimeout(adopt, o.flushInterval);

  return {
    add(event) {
      left = undefined;
      list.push(event);
      // The oldest go, but not those in flight: they are about to be delivered.
      const idle = list.filter((e) => !flying.has(e));
      const n = idle.length - MAX_QUEUED;
      if (n > 0) {
        list = list.filter((e) => !idle.slice(0, n).includes(e));
        dropped.queue_full = (dropped.queue_full ?? 0) + n;
        o.debug('queue full: oldest dropped', n);
      }
      // Delivery in doubt (offline, backing off) or the row exists already: written now.
      if (stored || retryAt || navigator.onLine === false) saveSoon();
      // Not delivered by then (a slow or hanging request): written, so a crash loses nothing.
      else beat ??= setTimeout(save, SAVE_AFTER_MS);
      if (!sending && Date.now() >= retryAt && Math.min(idle.length, MAX_QUEUED) >= o.maxBatch) void flush();
      else schedule(o.flushInterval);
    },
    flush,
    flushBeacon(leaving) {
      if (leaving) left = 1;
      // Events rather wait in the store than ride a beacon that cannot arrive (offline) or
      // that the collector asked to hold back (backoff, Retry-After).
      if (!store || (navigator.onLine !== false && Date.now() >= retryAt)) {
        for (let rest = list.filter((e) => !flying.has(e)); rest.length; ) {
          const chunk = take(rest, MAX_EVENTS_PER_BATCH);
          rest = rest.slice(chunk.length);
          const text = body(chunk);
          if (o.beacon(text)) remove(chunk);
          else {
            // Refused (quota, size, no sendBeacon): fetch with keepalive outlives the page too.
            putBack(text);
            void post(chunk);
          }
        }
      }
      // Now, not after this task: the page may not get another.
      save();
    },
    size: () => list.length,
  };
}
