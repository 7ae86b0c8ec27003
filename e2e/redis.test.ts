/**
 * Two collectors as shipped (`node collector/dist/cli.js`), each with its own SQLite file,
 * sharing one Redis through REDIS_URL: a rate limit counted across both, a dashboard
 * sign-in valid on the other and after a restart, Redis lost and back logged while ingest
 * goes on, and no start without Redis. (The live feed across processes needs a shared
 * store to show anything: collector/test/sharedState/redisState.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { startRedis } from '../collector/test/utils/startRedis.js';
import { spawnCollector, type SpawnedCollector } from './utils/spawnCollector.mjs';

const CLI = fileURLToPath(new URL('../collector/dist/cli.js', import.meta.url));
const TOKEN = 'e2e-redis-admin-token-0123456789';
// At load, so that a missing redis-server fails this file as a whole (counted as failed).
let redis = await startRedis();
const dir = mkdtempSync(join(tmpdir(), 'sightline-redis-'));
const envOf = (name: string) => ({
  DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}`,
  REDIS_URL: redis.url,
  ADMIN_TOKEN: TOKEN,
  SITES: 'demo',
  RATE_LIMIT_MAX: '3',
});
const running: SpawnedCollector[] = [];
async function start(name: string): Promise<SpawnedCollector> {
  const collector = await spawnCollector(envOf(name));
  running.push(collector);
  return collector;
}
async function stop(collector: SpawnedCollector): Promise<void> {
  collector.child.kill('SIGTERM');
  await collector.exited;
}

afterAll(async () => {
  for (const collector of running) if (collector.child.exitCode === null) await stop(collector);
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

const collect = (collector: SpawnedCollector, session: string) =>
  fetch(`${collector.url}/v1/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: 'demo',
      events: [{ id: `${session}-pv`, type: 'pageview', ts: Date.now(), session, url: 'https://blog.test/' }],
    }),
  });

async function signIn(collector: SpawnedCollector): Promise<string> {
  const res = await fetch(`${collector.url}/dashboard/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: collector.url },
    body: `token=${TOKEN}`,
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const sites = (collector: SpawnedCollector, cookie: string) =>
  fetch(`${collector.url}/v1/sites`, { headers: { cookie } }).then((r) => r.status);

test('two collectors count one rate limit and share dashboard sign-ins, across a restart', async () => {
  let a = await start('a');
  const b = await start('b');
  for (let i = 0; i < 3; i++) expect((await collect(a, `rl-${i}`)).status).toBe(202);
  expect((await collect(b, 'rl-b')).status).toBe(429);

  const cookie = await signIn(a);
  expect(await sites(b, cookie)).toBe(200);
  await stop(a);
  a = await start('a');
  expect(await sites(a, cookie)).toBe(200);
  expect(await sites(b, 'sightline_session=made-up')).toBe(401);
});

test('Redis lost is logged with where and what it means, ingest goes on, and its return is logged', async () => {
  const c = await start('c');
  await redis.stop();
  await expect.poll(() => c.lines.find((l) => l.includes('Redis unreachable'))).toBeDefined();
  const lost = JSON.parse(c.lines.find((l) => l.includes('Redis unreachable'))!);
  expect(lost).toMatchObject({ level: 50, redis: redis.url, role: expect.any(String) });
  for (let i = 0; i < 5; i++) expect((await collect(c, `outage-${i}`)).status).toBe(202);

  redis = await startRedis(redis.port);
  await expect.poll(() => c.lines.some((l) => l.includes('Redis reachable again'))).toBe(true);
});

test('a collector does not start without its Redis, and says where it looked', async () => {
  const gone = await startRedis();
  await gone.stop();
  const run = spawnSync(process.execPath, [CLI], {
    env: { PATH: process.env.PATH ?? '', ...envOf('d'), REDIS_URL: `redis://:secret@127.0.0.1:${gone.port}` },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    `sightline: cannot reach Redis at redis://127.0.0.1:${gone.port} (REDIS_URL): connect ECONNREFUSED`,
  );
  expect(run.stderr).not.toContain('secret');
});
