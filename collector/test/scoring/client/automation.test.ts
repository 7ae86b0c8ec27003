import { describe, expect, it } from 'vitest';
import { scoreAutomation } from '../../../src/scoring/client/automation.js';
import type { ClientSummary } from '../../../src/scoring/types.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession } from '../utils/buildEvidence.js';

const run = (client?: ClientSummary) =>
  scoreAutomation(browserSession(CHROME_WINDOWS, client ? { client } : {})).map(
    (r) => `${r.name}@${r.strength}`,
  );

describe('scoreAutomation', () => {
  it.each([
    [{ webdriver: true }, ['webdriver@0.97']],
    [{ automationGlobals: ['__playwright__binding__'] }, ['automation@0.97']],
    [{ headless: true }, ['headless@0.85']],
    [{ noLanguages: true }, ['no-languages@0.6']],
  ] as Array<[ClientSummary, string[]]>)('%j → %j', (client, expected) => {
    expect(run(client)).toEqual(expected);
  });

  it.each([
    ['no client summary yet', undefined],
    ['a clean summary', { webdriver: false, headless: false, automationGlobals: [] }],
    ['weak environment traits only', { softwareWebgl: true, noPlugins: true }],
  ])('%s → nothing', (_label, client) => {
    expect(run(client)).toEqual([]);
  });
});
