/**
 * The behaviour rules that tell a script's input from a hand's: centred clicks, instant
 * presses, robotic keys. Cases are humanness summaries as the SDK sends them (the human rows
 * are values a headful Chromium reported under XTest input and ordinary ranges for people).
 */
import { describe, expect, it } from 'vitest';
import { scoreCentredClicks } from '../../../src/scoring/behavior/centredClicks.js';
import { scoreInstantPress } from '../../../src/scoring/behavior/instantPress.js';
import { scoreRoboticKeys } from '../../../src/scoring/behavior/roboticKeys.js';
import type { ClientSummary, Rule } from '../../../src/scoring/types.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession } from '../utils/buildEvidence.js';

const run = (rule: Rule, client: ClientSummary) =>
  rule(browserSession(CHROME_WINDOWS, { client })).map((r) => `${r.family}:${r.name}:${r.strength}`);

describe.each([
  [
    'scoreCentredClicks',
    scoreCentredClicks,
    [
      ['page.click on four targets', { clicks: 4, clickOffsetMean: 0.08, clickOffsetSd: 0.02 }, ['behavior:centred-clicks:0.6']],
      ['dead centre every time', { clicks: 3, clickOffsetMean: 0, clickOffsetSd: 0 }, ['behavior:centred-clicks:0.6']],
    ],
    [
      ['a person aiming at fields', { clicks: 4, clickOffsetMean: 0.35, clickOffsetSd: 0.21 }],
      ['near the centre but spread', { clicks: 5, clickOffsetMean: 0.1, clickOffsetSd: 0.09 }],
      ['two clicks only', { clicks: 2, clickOffsetMean: 0.01, clickOffsetSd: 0.01 }],
      ['one pointer click (no spread)', { clicks: 4, clickOffsetMean: 0.01 }],
      ['taps on a touch screen', { clicks: 6, clickOffsetMean: 0.05, clickOffsetSd: 0.01, touches: 6 }],
      ['no clicks', {}],
    ],
  ],
  [
    'scoreInstantPress',
    scoreInstantPress,
    [
      ['mouse.click without delay', { clicks: 4, pressMean: 2.6 }, ['behavior:instant-press:0.35']],
      ['presses of 10 ms', { clicks: 2, pressMean: 10 }, ['behavior:instant-press:0.35']],
    ],
    [
      ['a finger on a mouse button', { clicks: 4, pressMean: 96 }],
      ['a quick but human click', { clicks: 3, pressMean: 40 }],
      ['one short tap-to-click', { clicks: 1, pressMean: 3 }],
      ['touch input', { clicks: 5, pressMean: 1, touches: 5 }],
    ],
  ],
  [
    'scoreRoboticKeys',
    scoreRoboticKeys,
    [
      ['keyboard.type: no hold, no gap', { keys: 30, keyHoldMean: 9.4, keyIntervalMean: 18 }, ['behavior:robotic-keys:0.6']],
      ['holds of a few ms, human gaps', { keys: 12, keyHoldMean: 4, keyIntervalMean: 140 }, ['behavior:robotic-keys:0.35']],
      ['keys every 20 ms with holds', { keys: 12, keyHoldMean: 60, keyIntervalMean: 20 }, ['behavior:robotic-keys:0.35']],
    ],
    [
      ['a person typing an address', { keys: 38, keyHoldMean: 115, keyIntervalMean: 329 }],
      ['a fast typist', { keys: 60, keyHoldMean: 70, keyIntervalMean: 90 }],
      ['a soft keyboard on a phone', { keys: 20, keyHoldMean: 1, keyIntervalMean: 180, touches: 9 }],
      ['a shortcut or two', { keys: 3, keyHoldMean: 5, keyIntervalMean: 10 }],
      ['no keys', {}],
    ],
  ],
] as Array<[string, Rule, Array<[string, ClientSummary, string[]]>, Array<[string, ClientSummary]>]>)(
  '%s',
  (_name, rule, hits, misses) => {
    it.each(hits)('%s → %j', (_label, client, expected) => {
      expect(run(rule, client)).toEqual(expected);
    });
    it.each(misses)('%s → nothing', (_label, client) => {
      expect(run(rule, client)).toEqual([]);
    });
  },
);

it('a session without a humanness summary says nothing', () => {
  const evidence = browserSession(CHROME_WINDOWS);
  expect([scoreCentredClicks, scoreInstantPress, scoreRoboticKeys].flatMap((rule) => rule(evidence))).toEqual([]);
});
