import { createStore, values } from 'idb-keyval';
import type { Row } from '../../src/transport/reconcile.js';

/**
 * The rows in the (fake) IndexedDB queue of site `site`, read through a connection of its
 * own: its transaction queues behind those the page has started, so it sees their writes.
 */
export function readStoredRows(site = 'demo'): Promise<Row[]> {
  return values<Row>(createStore(`sightline-${site}`, 'queue'));
}
