/**
 * Combines the rules' findings into one score. Within a family, findings combine by noisy-OR
 * and the family is capped; families then combine by noisy-OR:
 *
 *   botScore = 1 − Π_family (1 − min(cap_family, 1 − Π_finding (1 − strength)))
 *
 * | family     | cap  | why                                                                  |
 * |------------|------|----------------------------------------------------------------------|
 * | `ua:`      | 0.99 | a declared crawler / library UA is the bot saying so                 |
 * | `client:`  | 0.99 | navigator.webdriver is the automation saying so                      |
 * | `behavior:`| 0.9  | input traits are telling but people have odd input devices           |
 * | `rate:`    | 0.9  | several request-pattern anomalies together convict a script          |
 * | `net:`     | 0.4  | people use cloud desktops and VPNs: origin only adds to other signs  |
 *
 * Strength tiers are in `strength.ts`. `IS_BOT_THRESHOLD` is 0.7: one decisive finding
 * (0.97) or an empty UA (0.8) passes it alone; strong (0.6) + medium (0.35) = 0.74 passes;
 * two medium (0.58), or every weak client trait with a data-centre origin (≈0.5), do not.
 * Recomputing from the accumulated evidence after each request is how scores update.
 */
import { noisyOr } from './lib/noisyOr.js';
import { RULES } from './rules.js';
import type { Family, Rule, RuleResult, Score, SessionEvidence } from './types.js';

export const FAMILY_CAPS: Readonly<Record<Family, number>> = {
  ua: 0.99,
  client: 0.99,
  behavior: 0.9,
  rate: 0.9,
  net: 0.4,
};

export const IS_BOT_THRESHOLD = 0.7;

/**
 * Below this many requests a session is judged only if something decided it (or the page
 * sent its client summary): one pageview with a normal UA says nothing either way. Two
 * suffice when one of them carried a client signal (engagement, vital …).
 */
const MIN_REQUESTS = 3;

function hasEnoughEvidence(evidence: SessionEvidence): boolean {
  const e = evidence.events;
  const signals = e.click + e.scroll + e.engagement + e.timing + e.vital + e.humanness;
  const requests = evidence.requests.count;
  return evidence.client !== undefined || requests >= MIN_REQUESTS || (requests >= 2 && signals > 0);
}

/** Combines findings (exported for tests and for callers that add their own). */
export function combineFindings(findings: readonly RuleResult[]): number {
  const byFamily = new Map<Family, number[]>();
  for (const f of findings) byFamily.set(f.family, [...(byFamily.get(f.family) ?? []), f.strength]);
  const families = [...byFamily].map(([family, s]) => Math.min(FAMILY_CAPS[family], noisyOr(s)));
  return noisyOr(families);
}

export function scoreSession(evidence: SessionEvidence, rules: readonly Rule[] = RULES): Score {
  const findings = rules.flatMap((rule) => rule(evidence));
  const botScore = Math.round(combineFindings(findings) * 1000) / 1000;
  const isBot = botScore >= IS_BOT_THRESHOLD;
  // Strongest first; a reason found twice (two rules) is listed once, at its strongest.
  const reasons = [...findings]
    .sort((a, b) => b.strength - a.strength)
    .map((f) => `${f.family}:${f.name}`)
    .filter((r, i, all) => all.indexOf(r) === i);
  const sufficient = isBot || hasEnoughEvidence(evidence);
  return { botScore, isBot, reasons, evidence: sufficient ? 'sufficient' : 'insufficient' };
}
