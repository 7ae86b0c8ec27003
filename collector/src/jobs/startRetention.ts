/** Deletes raw events older than `RETENTION_DAYS`, at start and then hourly. Rollups stay. */
import type { FastifyBaseLogger } from 'fastify';
import type { Storage } from '../storage/types.js';

const HOUR_MS = 3_600_000;

export function startRetention(storage: Storage, days: number, log: FastifyBaseLogger): () => void {
  const sweep = async (): Promise<void> => {
    try {
      const deleted = await storage.deleteEventsBefore(Date.now() - days * 24 * HOUR_MS);
      if (deleted > 0) log.info({ deleted, days }, 'retention: old raw events deleted');
    } catch (error) {
      log.error({ err: error }, 'retention sweep failed; will retry in an hour');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
