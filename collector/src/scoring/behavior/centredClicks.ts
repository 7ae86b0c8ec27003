/**
 * `behavior:centred-clicks`: pointer clicks land on their targets' centres, again and again —
 * what `element.click()`-style automation (Playwright's `page.click`, Puppeteer's
 * `ElementHandle.click`) does by aiming at the box's middle. People aim at a target, not its
 * centre: their offsets spread over the target (a third of its half-size on average).
 */
import { STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Mean offset from the centre, in half-sizes of the target: people average ≈ 0.3. */
const MAX_MEAN_OFFSET = 0.12;
/** And nearly the same every time: people's spread is ≈ 0.2. */
const MAX_OFFSET_SD = 0.05;
/** Clicks of the page view (the spread needs two pointer clicks, present only then). */
const MIN_CLICKS = 3;

export function scoreCentredClicks(evidence: SessionEvidence): RuleResult[] {
  const c = evidence.client;
  if (!c || c.clickOffsetMean === undefined || c.clickOffsetSd === undefined) return [];
  if ((c.clicks ?? 0) < MIN_CLICKS || (c.touches ?? 0) > 0) return [];
  return c.clickOffsetMean < MAX_MEAN_OFFSET && c.clickOffsetSd < MAX_OFFSET_SD
    ? [{ family: 'behavior', name: 'centred-clicks', strength: STRONG }]
    : [];
}
