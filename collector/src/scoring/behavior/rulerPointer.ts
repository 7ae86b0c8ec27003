/**
 * `behavior:ruler-pointer`: the pointer moves without turning between samples — straight
 * lines from point to point, what `mouse.move(x, y, { steps })` in Playwright or Puppeteer
 * draws. A hand's path bends and jitters: its direction changes by tenths of a radian from
 * one sample (≤ 60 a second) to the next. Medium: a drawing tablet's ruler or a very steady
 * trackball could come close. Reads the SDK humanness summary's `turnMean` and
 * `pointerMoves`. Not its `straightness`: segments end only at pauses, so a script's corners
 * inside one segment pull it as low as a hand's (0.72–1 measured for the lines below).
 */
import { MEDIUM } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/**
 * Mean absolute change of direction between samples, radians (0.05 rad ≈ 3°), the corners
 * between lines included. Measured here: Playwright lines with corners 0.02 (three runs of
 * e2e/bots.test.ts); the Xvfb hand of e2e/human.test.ts (curved paths) 0.10–0.69.
 */
const MAX_TURN_MEAN = 0.05;
/** Sampled moves of the page view: a few samples are a line whatever drew them. */
const MIN_MOVES = 20;

export function scoreRulerPointer(evidence: SessionEvidence): RuleResult[] {
  const c = evidence.client;
  if (!c || c.turnMean === undefined) return [];
  if ((c.pointerMoves ?? 0) < MIN_MOVES || (c.touches ?? 0) > 0) return [];
  return c.turnMean <= MAX_TURN_MEAN ? [{ family: 'behavior', name: 'ruler-pointer', strength: MEDIUM }] : [];
}
