import { vi } from 'vitest';
import { createQueue, type QueueOptions } from '../../src/transport/queue.js';
import type { SendOutcome } from '../../src/transport/send.js';

/**
 * A queue for site `demo` whose `send` answers `ok` (unless `outcomes` says otherwise, in
 * order), whose `beacon` accepts, and whose debug messages are recorded.
 */
export function createTestQueue(options: Partial<QueueOptions> = {}, ...outcomes: SendOutcome[]) {
  const send = vi.fn(async (_body: string): Promise<SendOutcome> => outcomes.shift() ?? { kind: 'ok' });
  const beacon = vi.fn((_body: string): boolean => true);
  const debug = vi.fn((_message: string, _detail?: unknown): void => undefined);
  const queue = createQueue({ site: 'demo', maxBatch: 20, flushInterval: 1000, send, beacon, debug, ...options });
  return { queue, send, beacon, debug };
}
