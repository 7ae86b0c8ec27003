import type { CollectBody, SightlineEvent } from '@sightline/protocol';
import type { Mock } from 'vitest';

/**
 * The parsed bodies handed to a stubbed `fetch` (`init.body`) or `sendBeacon` (`data`), or
 * to a queue's `send`/`beacon` (the body string itself), in call order; only those sent
 * to URLs starting with `urlPrefix` when it is given.
 */
export function sentBodies(mock: Mock, urlPrefix?: string): CollectBody[] {
  return mock.mock.calls
    .filter((call: unknown[]) => urlPrefix === undefined || String(call[0]).startsWith(urlPrefix))
    .map((call: unknown[]) => {
      const arg = typeof call[0] === 'string' && call.length === 1 ? call[0] : call[1];
      const text = typeof arg === 'string' ? arg : (arg as RequestInit).body;
      return JSON.parse(String(text)) as CollectBody;
    });
}

/** Every event across those bodies, in order. */
export function sentEvents(mock: Mock, urlPrefix?: string): SightlineEvent[] {
  return sentBodies(mock, urlPrefix).flatMap((body) => body.events);
}
