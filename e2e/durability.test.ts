/**
 * `kill -9` under load: every event the collector answered 202 is stored exactly once after
 * a restart on the same store (no session counts a pageview twice), and the restarted
 * collector serves `/healthz` and ingest at once. The 20-round version with timings runs in
 * `pnpm bench:ingest`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkStored } from './utils/checkStored.mjs';
import { runKillRounds } from './utils/runKillRounds.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sightline-durability-'));
const dbPath = join(dir, 'sightline.db');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every acknowledged event survives kill -9 at a random moment, once', { timeout: 120_000 }, async () => {
  const { collector, acknowledged, rounds } = await runKillRounds({
    rounds: 4,
    site: 'demo',
    // At the default log level the restart is awaited on its "listening" line, not polled.
    env: { DATABASE_URL: `sqlite:${dbPath}`, SITES: 'demo', RATE_LIMIT_MAX: '0' },
  });
  collector.child.kill('SIGTERM');
  expect(await collector.exited).toBe(0);

  for (const round of rounds) {
    expect(round.acknowledged, `round ${round.round}`).toBeGreaterThan(0);
    expect(round.healthz, `round ${round.round}: /healthz after restart`).toBe(200);
    expect(round.probe, `round ${round.round}: first batch after restart`).toBe(202);
  }
  const stored = await checkStored(dbPath, 'demo', acknowledged);
  expect(stored).toEqual({ acknowledged: acknowledged.length, lost: 0, doubled: 0, miscounted: [] });
});
