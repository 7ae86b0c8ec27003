import { describe, expect, it } from 'vitest';
import { scoreRulerPointer } from '../../../src/scoring/behavior/rulerPointer.js';
import type { ClientSummary } from '../../../src/scoring/types.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession } from '../utils/buildEvidence.js';

const run = (client?: ClientSummary) =>
  scoreRulerPointer(browserSession(CHROME_WINDOWS, client ? { client } : {})).map(
    (r) => `${r.family}:${r.name}@${r.strength}`,
  );
/** Playwright's mouse.move(…, { steps: 80 }) lines and page.click()s, as e2e/bots.test.ts sends them. */
const lines = { pointerMoves: 123, straightness: 0.92, turnMean: 0.02 };

describe('scoreRulerPointer', () => {
  it.each([
    ['mouse.move(…, { steps }) lines', lines],
    ['at the thresholds', { pointerMoves: 20, turnMean: 0.05 }],
  ] as Array<[string, ClientSummary]>)('%s → ruler-pointer', (_label, client) => {
    expect(run(client)).toEqual(['behavior:ruler-pointer@0.35']);
  });

  it.each([
    ['no summary', undefined],
    ['the Xvfb hand of e2e/human.test.ts', { pointerMoves: 108, straightness: 0.9, turnMean: 0.54 }],
    ['turning a little more', { ...lines, turnMean: 0.051 }],
    ['too few samples', { ...lines, pointerMoves: 19 }],
    ['no turn measured', { pointerMoves: 40, straightness: 1 }],
    ['touch input (a finger swipe)', { ...lines, touches: 3 }],
  ] as Array<[string, ClientSummary | undefined]>)('%s → nothing', (_label, client) => {
    expect(run(client)).toEqual([]);
  });
});
