/**
 * The behavior: rules (and client:no-languages' family) at their bounds, which mutation
 * testing found unpinned: "fewer than" leaves the bound itself in, "under" leaves it out.
 */
import { describe, expect, it } from 'vitest';
import { scoreCentredClicks } from '../../../src/scoring/behavior/centredClicks.js';
import { scoreInstantPress } from '../../../src/scoring/behavior/instantPress.js';
import { scoreRoboticKeys } from '../../../src/scoring/behavior/roboticKeys.js';
import { scoreSyntheticInput } from '../../../src/scoring/behavior/syntheticInput.js';
import { scoreAutomation } from '../../../src/scoring/client/automation.js';
import { createEvidence } from '../../../src/scoring/evidence/addRequest.js';
import type { ClientSummary, Rule, RuleResult } from '../../../src/scoring/types.js';

const found = (results: RuleResult[]) => results.map((r) => `${r.family}:${r.name}@${r.strength}`);
const run = (rule: Rule, client: ClientSummary, clickEvents = 0) => {
  const e = createEvidence();
  return found(rule({ ...e, client, events: { ...e.events, click: clickEvents } }));
};

describe.each([
  [
    'scoreCentredClicks',
    scoreCentredClicks,
    [
      [{ clicks: 3, clickOffsetMean: 0.119, clickOffsetSd: 0.049 }, ['behavior:centred-clicks@0.6']],
      [{ clicks: 2, clickOffsetMean: 0, clickOffsetSd: 0 }, []],
      [{ clicks: 3, clickOffsetMean: 0, clickOffsetSd: 0, touches: 1 }, []],
      [{ clicks: 3, clickOffsetMean: 0.12, clickOffsetSd: 0 }, []],
      [{ clicks: 3, clickOffsetMean: 0, clickOffsetSd: 0.05 }, []],
      [{ clicks: 3, clickOffsetMean: 0.2, clickOffsetSd: 0.01 }, []],
    ],
  ],
  [
    'scoreInstantPress',
    scoreInstantPress,
    [
      [{ clicks: 2, pressMean: 14.9 }, ['behavior:instant-press@0.35']],
      [{ clicks: 1, pressMean: 1 }, []],
      [{ clicks: 2, pressMean: 15 }, []],
    ],
  ],
  [
    'scoreRoboticKeys',
    scoreRoboticKeys,
    [
      [{ keys: 5, keyHoldMean: 19.9, keyIntervalMean: 34.9 }, ['behavior:robotic-keys@0.6']],
      [{ keys: 4, keyHoldMean: 1, keyIntervalMean: 1 }, []],
      [{ keys: 5, keyHoldMean: 20, keyIntervalMean: 200 }, []],
      [{ keys: 5, keyHoldMean: 100, keyIntervalMean: 35 }, []],
    ],
  ],
  ['scoreAutomation', scoreAutomation, [[{ noLanguages: true }, ['client:no-languages@0.6']]]],
] as Array<[string, Rule, Array<[ClientSummary, string[]]>]>)('%s', (_name, rule, cases) => {
  it.each(cases)('%j → %j', (client, expected) => {
    expect(run(rule, client)).toEqual(expected);
  });
});

describe('scoreSyntheticInput at its counts', () => {
  it.each([
    [{ untrustedEvents: 3, trustedEvents: 0 }, 0, ['behavior:synthetic-input@0.6']],
    [{ untrustedEvents: 2, trustedEvents: 0 }, 0, []],
    [{ clicksWithoutPointerMove: 5 }, 5, ['behavior:teleport-clicks@0.35']],
    [{ clicksWithoutPointerMove: 4 }, 4, []],
    // No click event stored (the summary alone): nothing to compare with.
    [{ clicksWithoutPointerMove: 5 }, 0, []],
  ] as Array<[ClientSummary, number, string[]]>)(
    '%j with %i click events → %j',
    (client, clicks, expected) => {
      expect(run(scoreSyntheticInput, client, clicks)).toEqual(expected);
    },
  );
});
