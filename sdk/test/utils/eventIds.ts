import type { CollectBody } from '@sightline/protocol';

/** The event ids of each body: `[['e0', 'e1'], ['e2']]`, easy to compare. */
export function eventIds(bodies: CollectBody[]): string[][] {
  return bodies.map((body) => body.events.map((event) => event.id));
}
