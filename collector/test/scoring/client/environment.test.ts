import { describe, expect, it } from 'vitest';
import { scoreEnvironment } from '../../../src/scoring/client/environment.js';
import type { ClientSummary } from '../../../src/scoring/types.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession } from '../utils/buildEvidence.js';

const run = (client?: ClientSummary) =>
  scoreEnvironment(browserSession(CHROME_WINDOWS, client ? { client } : {})).map(
    (r) => `${r.name}@${r.strength}`,
  );

describe('scoreEnvironment', () => {
  it.each([
    [{ softwareWebgl: true }, ['software-webgl@0.1']],
    [{ noPlugins: true }, ['no-plugins@0.05']],
    [{ oddScreen: true }, ['odd-screen@0.1']],
    [{ platformMismatch: true }, ['platform-mismatch@0.35']],
  ] as Array<[ClientSummary, string[]]>)('%j → %j', (client, expected) => {
    expect(run(client)).toEqual(expected);
  });

  it.each([undefined, { webdriver: true }, { softwareWebgl: false, noPlugins: false }])(
    '%j → nothing',
    (client) => {
      expect(run(client)).toEqual([]);
    },
  );
});
