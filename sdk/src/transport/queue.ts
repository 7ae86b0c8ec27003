/**
 * The batching queue: events wait at most `flushInterval` ms (or until `maxBatch` are
 * waiting), go out one batch at a time, and come back to the front of the queue when the
 * collector or the network fails, retried with exponential backoff and jitter. When the
 * page is hidden or left, whatever waits goes out by beacon.
 */
import { MAX_EVENTS_PER_BATCH, type SightlineEvent } from '@sightline/protocol';
import { byteLength } from '../lib/byteLength.js';
import { KEEPALIVE_MAX_BYTES, type SendOutcome } from './send.js';

/** Leaves room under the keepalive/beacon limit for the envelope. */
const BEACON_MAX_BYTES = KEEPALIVE_MAX_BYTES - 1000;

/** Bound on events kept in memory; the oldest are dropped past it. */
export const MAX_QUEUED = 1000;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 60_000;

export interface QueueOptions {
  site: string;
  maxBatch: number;
  flushInterval: number;
  send(body: string): Promise<SendOutcome>;
  beacon(body: string): boolean;
  debug(message: string, detail?: unknown): void;
}

export interface Queue {
  add(event: SightlineEvent): void;
  /** Sends everything now; resolves when the queue is empty or delivery must wait. */
  flush(): Promise<void>;
  /** Hands everything to `sendBeacon` (page hidden or leaving). */
  flushBeacon(): void;
  size(): number;
}

export function createQueue(o: QueueOptions): Queue {
  const pending: SightlineEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | null = null;
  let backoff = 0;

  const body = (events: SightlineEvent[]): string => JSON.stringify({ site: o.site, events });

  function schedule(ms: number): void {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.slice(0, o.maxBatch);
      const outcome = await o.send(body(batch));
      if (outcome.kind === 'retry') {
        const base = backoff ? Math.min(backoff * 2, BACKOFF_MAX_MS) : BACKOFF_MIN_MS;
        backoff = base;
        const wait = Math.max(outcome.afterMs ?? 0, base / 2 + Math.random() * (base / 2));
        o.debug(`send failed (${outcome.reason}); retrying in ${Math.round(wait)} ms`);
        // Replaces the flushInterval timer that events added meanwhile may have set.
        clearTimeout(timer);
        timer = undefined;
        schedule(wait);
        return;
      }
      backoff = 0;
      // The batch is still at the front: beacons only take what is not in flight. A full
      // queue may have dropped part of it meanwhile, so remove by identity, not by count.
      const sent = new Set(batch);
      let n = 0;
      while (n < pending.length && sent.has(pending[n] as SightlineEvent)) n++;
      pending.splice(0, n);
      if (outcome.kind === 'drop') o.debug(`batch dropped: ${outcome.reason}`, batch);
    }
  }

  function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    sending ??= drain().finally(() => {
      sending = null;
    });
    return sending;
  }

  return {
    add(event) {
      pending.push(event);
      if (pending.length > MAX_QUEUED) {
        const dropped = pending.splice(0, pending.length - MAX_QUEUED);
        o.debug(`queue full: ${dropped.length} oldest events dropped`);
      }
      // While backing off, a full batch waits for the retry like the rest.
      if (pending.length >= o.maxBatch && !sending && backoff === 0) void flush();
      else schedule(o.flushInterval);
    },
    flush,
    flushBeacon() {
      // A batch in flight by fetch(keepalive) finishes on its own; send the rest.
      const start = sending ? Math.min(o.maxBatch, pending.length) : 0;
      const rest = pending.splice(start);
      let chunk: SightlineEvent[] = [];
      let chunkBytes = 0;
      const sendChunk = (): void => {
        if (chunk.length === 0) return;
        // Refused by the browser (quota, size): keep the events for the next flush.
        if (!o.beacon(body(chunk))) pending.push(...chunk);
        chunk = [];
        chunkBytes = 0;
      };
      for (const event of rest) {
        const bytes = byteLength(JSON.stringify(event)) + 1;
        if (chunk.length >= MAX_EVENTS_PER_BATCH || chunkBytes + bytes > BEACON_MAX_BYTES) sendChunk();
        chunk.push(event);
        chunkBytes += bytes;
      }
      sendChunk();
    },
    size: () => pending.length,
  };
}
