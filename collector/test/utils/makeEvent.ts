import type { CustomEvent, PageviewEvent } from '@sightline/protocol';

let sequence = 0;
const nextId = (prefix: string): string => `${prefix}-${++sequence}`;

/** A valid pageview with a fresh id; `overrides` win. */
export function makePageview(overrides: Partial<PageviewEvent> = {}): PageviewEvent {
  return {
    id: nextId('pv'),
    type: 'pageview',
    ts: Date.now(),
    session: 'session-1',
    url: 'https://example.com/',
    ...overrides,
  };
}

/** A valid custom event with a fresh id; `overrides` win. */
export function makeCustomEvent(overrides: Partial<CustomEvent> = {}): CustomEvent {
  return {
    id: nextId('ev'),
    type: 'custom',
    ts: Date.now(),
    session: 'session-1',
    url: 'https://example.com/',
    name: 'signup',
    ...overrides,
  };
}
