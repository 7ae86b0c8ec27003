/**
 * The public functions. They never throw into the host page, except `init` for a bad
 * required option. Calls before `init` are ignored (there is nowhere to send them).
 */
import { resolveConfig, type SightlineOptions } from './config.js';
import { createClient, type Client } from './client.js';
import { safely } from './lib/safely.js';
import type { Props } from './types.js';

let client: Client | null = null;

/** Starts Sightline once per page; a second call replaces the first. */
export function init(options: SightlineOptions): void {
  const config = resolveConfig(options);
  client?.stop();
  client = createClient(config);
}

/** Records a custom event, e.g. `track('signup', { plan: 'pro' })`. */
export const track = safely((name: string, props?: Props): void => client?.track(name, props));

/** Attaches a user id to this and later events (persisted); `identify(null)` forgets it. */
export const identify = safely((user: string | null): void => client?.identify(user));

/** Stops sending anything from this browser for this site, until `optIn()`. */
export const optOut = safely((): void => client?.optOut());

export const optIn = safely((): void => client?.optIn());

/** Sends whatever is queued now. */
export function flush(): Promise<void> {
  return client ? client.flush().catch(() => undefined) : Promise.resolve();
}

/** Stops every capture module (tests, hot reload). */
export const shutdown = safely((): void => {
  client?.stop();
  client = null;
});
