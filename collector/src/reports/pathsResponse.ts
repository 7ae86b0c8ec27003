/** JSON Schema of the paths answer. */
import { scopeHeaderProperties } from './scope.js';

const int = { type: 'integer' } as const;
const rate = { type: ['number', 'null'] } as const;
const str = { type: 'string' } as const;
const list = (properties: Record<string, object>) =>
  ({ type: 'array', items: { type: 'object', properties } }) as const;

export const pathsResponse = {
  type: 'object',
  properties: {
    ...scopeHeaderProperties,
    entry_pages: list({ path: str, entries: int, views: int }),
    exit_pages: list({ path: str, exits: int, views: int, exit_rate: rate }),
    drop_off: list({ path: str, exits: int, views: int, exit_rate: rate }),
    transitions: list({ from: str, to: str, count: int }),
    session_lengths: list({ pages: str, sessions: int, share: rate }),
    funnel: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { step: str, sessions: int, conversion: rate, drop: rate } },
    },
  },
} as const;
