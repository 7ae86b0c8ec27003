import { describe, expect, it } from 'vitest';
import { scoreSyntheticInput } from '../../../src/scoring/behavior/syntheticInput.js';
import type { ClientSummary } from '../../../src/scoring/types.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession, humanRequests, signal } from '../utils/buildEvidence.js';

const clicks = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    at: 5_000 + i * 7_000,
    events: [signal('click', 5_000 + i * 7_000)],
  }));
const run = (client: ClientSummary, clickCount = 0) =>
  scoreSyntheticInput(
    browserSession(CHROME_WINDOWS, { client, requests: [...humanRequests(1), ...clicks(clickCount)] }),
  ).map((r) => `${r.family}:${r.name}`);

describe('scoreSyntheticInput', () => {
  it.each([
    [
      'only untrusted input events',
      { untrustedEvents: 12, trustedEvents: 0 },
      0,
      ['behavior:synthetic-input'],
    ],
    [
      'every click without pointer movement',
      { clicksWithoutPointerMove: 6, trustedEvents: 6 },
      6,
      ['behavior:teleport-clicks'],
    ],
  ] as Array<[string, ClientSummary, number, string[]]>)('%s → %j', (_label, client, n, expected) => {
    expect(run(client, n)).toEqual(expected);
  });

  it.each([
    ['trusted input with a few synthetic events from the site', { untrustedEvents: 5, trustedEvents: 40 }, 0],
    ['two keyboard-activated links', { clicksWithoutPointerMove: 2, trustedEvents: 9 }, 2],
    ['some clicks without movement among many', { clicksWithoutPointerMove: 5, trustedEvents: 90 }, 12],
  ] as Array<[string, ClientSummary, number]>)('%s → nothing', (_label, client, n) => {
    expect(run(client, n)).toEqual([]);
  });
});
