import type { SightlineEvent } from '@sightline/protocol';

/** A valid pageview whose id is `e<n>`, so order and duplicates are easy to read. */
export function makeEvent(n: number, extra: Record<string, unknown> = {}): SightlineEvent {
  return {
    id: `e${n}`,
    type: 'pageview',
    ts: 1_700_000_000_000 + n,
    session: 'session-1',
    url: 'http://localhost:3000/',
    ...extra,
  } as SightlineEvent;
}
