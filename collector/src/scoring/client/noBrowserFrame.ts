/**
 * `client:no-browser-frame`: every pageview's viewport is exactly the screen — no tab strip,
 * no address bar, no taskbar. Headless browsers report a screen the size of their viewport;
 * a person's browser window shows its frame, except in full-screen or kiosk mode (and
 * installed web apps on phones), hence medium.
 */
import { MEDIUM } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

export function scoreNoBrowserFrame(evidence: SessionEvidence): RuleResult[] {
  const e = evidence.events;
  const withContext = e.pageview - e.pageviewWithoutContext;
  const filling = e.pageviewFillingScreen ?? 0;
  return withContext > 0 && filling >= withContext
    ? [{ family: 'client', name: 'no-browser-frame', strength: MEDIUM }]
    : [];
}
