/**
 * `rate:no-client-signals`: several pageviews and nothing else — no click, scroll,
 * engagement, timing, vital or humanness event. A page open in a browser sends some of these
 * unless the site left every capture module out, so this is medium, never decisive.
 * `rate:bare-pageviews`: pageviews without the screen and viewport that every SDK pageview
 * carries — posted to the API by hand (or the no-script pixel, which people rarely need).
 */
import { MEDIUM, WEAK } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** One or two pageviews without signals happen: a tab closed before the first flush. */
const MIN_PAGEVIEWS = 3;
/** Pageviews without context, as a share of all: the pixel fallback explains a few. */
const MIN_BARE_SHARE = 0.8;

export function scoreNoClientSignals(evidence: SessionEvidence): RuleResult[] {
  const c = evidence.events;
  const results: RuleResult[] = [];
  const signals = c.click + c.scroll + c.engagement + c.timing + c.vital + c.humanness;
  if (c.pageview >= MIN_PAGEVIEWS && signals === 0 && !evidence.client) {
    results.push({ family: 'rate', name: 'no-client-signals', strength: MEDIUM });
  }
  if (c.pageview > 0 && c.pageviewWithoutContext / c.pageview >= MIN_BARE_SHARE) {
    const strength = c.pageview >= MIN_PAGEVIEWS ? MEDIUM : WEAK;
    results.push({ family: 'rate', name: 'bare-pageviews', strength });
  }
  return results;
}
