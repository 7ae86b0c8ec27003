import type { Entry } from '../../src/transport/reconcile.js';
import { makeEvent } from './makeEvent.js';

/** A stored row for event `e<n>`, held by `tab` until `until`, counted as `bytes`. */
export function makeEntry(n: number, tab: string, until: number, bytes = 100): Entry {
  const event = makeEvent(n);
  return { k: [event.ts, n, event.id], e: event, b: bytes, o: tab, u: until };
}
