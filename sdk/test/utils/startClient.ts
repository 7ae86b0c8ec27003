import { createClient, type Client } from '../../src/client.js';
import { resolveConfig, type SightlineOptions } from '../../src/config.js';

export const COLLECT_URL = 'http://collector.test/v1/collect';

const running: Client[] = [];

/**
 * A client for site `demo` posting to `COLLECT_URL`, with no capture module unless given;
 * `stopClients()` stops every one started.
 */
export function startClient(options: Partial<SightlineOptions> = {}): Client {
  const client = createClient(resolveConfig({ site: 'demo', endpoint: 'http://collector.test', capture: [], ...options }));
  running.push(client);
  return client;
}

export function stopClients(): void {
  while (running.length) running.pop()?.stop();
}
