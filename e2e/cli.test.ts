/**
 * The collector as shipped (`node collector/dist/cli.js`): token printed once, bad config
 * refused, and SIGTERM under load commits every batch it acknowledged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { spawnCollector } from './utils/spawnCollector.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sightline-cli-'));
const env = {
  DATABASE_URL: `sqlite:${join(dir, 'data', 'sightline.db')}`,
  SITES: 'demo',
  RATE_LIMIT_MAX: '0',
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function batch(i: number) {
  const ts = Date.now();
  return JSON.stringify({
    site: 'demo',
    events: Array.from({ length: 20 }, (_, j) => ({
      id: `b${i}-e${j}`,
      type: 'pageview',
      ts,
      session: `s${i}`,
      url: `https://blog.test/p${j}`,
    })),
  });
}

test('the admin token is generated on first start, printed once, and kept', async () => {
  const first = await spawnCollector(env);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  const tokenLine = first.lines.find((l) => l.includes('admin token'));
  const token = tokenLine?.split(': ').pop()?.trim();
  expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

  const second = await spawnCollector(env);
  try {
    expect(second.lines.some((l) => l.includes('admin token'))).toBe(false);
    const ok = await fetch(`${second.url}/v1/reports/overview?site=demo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    const denied = await fetch(`${second.url}/v1/reports/overview?site=demo`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(denied.status).toBe(401);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
});

test('a bad variable stops the start with a message naming it', async () => {
  await expect(spawnCollector({ ...env, PORT: 'eighty' })).rejects.toThrow(/exited with 1/);
  await expect(spawnCollector({ ...env, RETENTION_DAYS: '0' })).rejects.toThrow(/exited with 1/);
});

test('SIGTERM under load: every acknowledged batch is stored', async () => {
  const token = 'cli-test-token-0123456789abcdef';
  const running = await spawnCollector({ ...env, ADMIN_TOKEN: token });
  const posts = Array.from({ length: 60 }, (_, i) =>
    fetch(`${running.url}/v1/collect`, {
      method: 'POST',
      body: batch(i),
      headers: { 'content-type': 'text/plain' },
    })
      .then(async (r) => ({ i, status: r.status, body: (await r.json()) as { accepted?: number } }))
      .catch(() => ({ i, status: 0, body: {} })),
  );
  // Stop as soon as the first batch is acknowledged, with the rest still arriving.
  await Promise.race(posts);
  running.child.kill('SIGTERM');
  const results = await Promise.all(posts);
  expect(await running.exited).toBe(0);
  const acknowledged = results.filter((r) => r.status === 202);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(results.every((r) => [0, 202, 503].includes(r.status))).toBe(true);

  const restarted = await spawnCollector({ ...env, ADMIN_TOKEN: token });
  try {
    const res = await fetch(`${restarted.url}/v1/sessions?site=demo&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const sessions = (await res.json()) as { results: { session: string; pageviews: number }[] };
    const stored = new Map(sessions.results.map((s) => [s.session, s.pageviews]));
    for (const r of acknowledged) expect(stored.get(`s${r.i}`)).toBe(20);
  } finally {
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }
});
