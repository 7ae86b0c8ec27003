import { describe, expect, it } from 'vitest';
import { scoreNoBrowserFrame } from '../../../src/scoring/client/noBrowserFrame.js';
import type { EvidenceEvent } from '../../../src/scoring/evidence/addRequest.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession, T0 } from '../utils/buildEvidence.js';

const view = (at: number, screen?: string, viewport?: string): EvidenceEvent => ({
  type: 'pageview',
  ts: T0 + at,
  ...(screen ? { screen } : {}),
  ...(viewport ? { viewport } : {}),
});
const run = (pages: EvidenceEvent[]) =>
  scoreNoBrowserFrame(
    browserSession(CHROME_WINDOWS, { requests: pages.map((p, i) => ({ at: i * 20_000, events: [p] })) }),
  ).map((r) => `${r.family}:${r.name}`);

describe('scoreNoBrowserFrame', () => {
  it.each([
    ['headless: viewport is the screen', [view(0, '1280x720', '1280x720')], ['client:no-browser-frame']],
    [
      'every page so, one from the pixel without context',
      [view(0, '1366x768', '1366x768'), view(1, '1366x768', '1366x768'), view(2)],
      ['client:no-browser-frame'],
    ],
    ['a browser window', [view(0, '1280x800', '1200x617')], []],
    ['a phone', [view(0, '390x844', '390x664')], []],
    ['full screen for one page of three', [view(0, '1920x1080', '1920x1080'), view(1, '1920x1080', '1903x955'), view(2, '1920x1080', '1903x955')], []],
    ['no context at all (pixel)', [view(0), view(1)], []],
  ] as Array<[string, EvidenceEvent[], string[]]>)('%s → %j', (_label, pages, expected) => {
    expect(run(pages)).toEqual(expected);
  });
});
