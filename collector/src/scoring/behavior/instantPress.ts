/**
 * `behavior:instant-press`: the mouse button goes down and up within a few milliseconds —
 * a script's `mouse.click()` with no delay. A finger holds a button 50–150 ms; a touchpad's
 * tap-to-click can be short too, hence medium, and touch input is left out.
 */
import { MEDIUM } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Mean press duration, ms: below what a hand does. */
const MAX_PRESS_MS = 15;
/** Clicks of the page view: one quick tap is nothing. */
const MIN_CLICKS = 2;

export function scoreInstantPress(evidence: SessionEvidence): RuleResult[] {
  const c = evidence.client;
  if (!c || c.pressMean === undefined || (c.clicks ?? 0) < MIN_CLICKS || (c.touches ?? 0) > 0) return [];
  return c.pressMean < MAX_PRESS_MS ? [{ family: 'behavior', name: 'instant-press', strength: MEDIUM }] : [];
}
