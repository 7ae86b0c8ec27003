import type { EventRow } from '../../src/storage/types.js';

let sequence = 0;

/** A stored-event row for the storage API directly (what `prepareEvents` makes); `overrides` win. */
export function makeEventRow(overrides: Partial<EventRow> = {}): EventRow {
  sequence += 1;
  const now = Date.now();
  const row = {
    site: 'demo',
    eventId: `row-${sequence}`,
    type: 'pageview',
    ts: now,
    receivedAt: now,
    session: 'session-1',
    visitor: 'visitor-1',
    user: null,
    url: 'https://example.com/',
    path: '/',
    title: null,
    referrer: null,
    name: null,
    data: null,
    pv: null,
    userAgent: 'Mozilla/5.0 (test)',
  };
  return { ...row, ...overrides } as EventRow;
}
