import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration, type CollectorConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      database: { kind: 'sqlite', path: './data/sightline.db' },
      redisUrl: undefined,
      adminToken: undefined,
      sites: [],
      trustProxy: false,
      retentionDays: 400,
      rateLimit: { max: 600, windowMs: 60_000 },
      logLevel: 'info',
      scriptPath: undefined,
      collectPath: undefined,
      metricsToken: undefined,
      ingestMaxPending: 10_000,
    } satisfies CollectorConfig);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', RATE_LIMIT_WINDOW: '' })).toEqual(loadConfig({}));
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' })).toEqual(loadConfig({}));
  });

  const valid: [env: Record<string, string>, expected: Partial<CollectorConfig>][] = [
    [{ PORT: '0' }, { port: 0 }],
    [{ PORT: '65535' }, { port: 65535 }],
    [{ HOST: '0.0.0.0' }, { host: '0.0.0.0' }],
    [
      { DATABASE_URL: 'sqlite:/var/lib/sightline/db.sqlite' },
      { database: { kind: 'sqlite', path: '/var/lib/sightline/db.sqlite' } },
    ],
    [{ DATABASE_URL: 'sqlite::memory:' }, { database: { kind: 'sqlite', path: ':memory:' } }],
    [
      { DATABASE_URL: 'postgres://u:p@db:5432/s' },
      { database: { kind: 'postgres', url: 'postgres://u:p@db:5432/s' } },
    ],
    [{ DATABASE_URL: 'postgresql://db/s' }, { database: { kind: 'postgres', url: 'postgresql://db/s' } }],
    [{ REDIS_URL: 'redis://cache:6379' }, { redisUrl: 'redis://cache:6379' }],
    [{ REDIS_URL: 'rediss://cache:6380' }, { redisUrl: 'rediss://cache:6380' }],
    [{ ADMIN_TOKEN: 'x'.repeat(16) }, { adminToken: 'x'.repeat(16) }],
    [{ SITES: 'demo, shop ,,blog.example' }, { sites: ['demo', 'shop', 'blog.example'] }],
    [{ TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ TRUST_PROXY: 'false' }, { trustProxy: false }],
    [{ RETENTION_DAYS: '30' }, { retentionDays: 30 }],
    [{ RATE_LIMIT_MAX: '0' }, { rateLimit: { max: 0, windowMs: 60_000 } }],
    [{ RATE_LIMIT_WINDOW: '60' }, { rateLimit: { max: 600, windowMs: 60_000 } }],
    [{ RATE_LIMIT_WINDOW: '60s' }, { rateLimit: { max: 600, windowMs: 60_000 } }],
    [{ RATE_LIMIT_WINDOW: '500ms' }, { rateLimit: { max: 600, windowMs: 500 } }],
    [{ RATE_LIMIT_WINDOW: '1m' }, { rateLimit: { max: 600, windowMs: 60_000 } }],
    [{ RATE_LIMIT_WINDOW: '2h' }, { rateLimit: { max: 600, windowMs: 7_200_000 } }],
    [{ RATE_LIMIT_WINDOW: '10 s' }, { rateLimit: { max: 600, windowMs: 10_000 } }],
    [{ LOG_LEVEL: 'silent' }, { logLevel: 'silent' }],
    [{ METRICS_TOKEN: 'm'.repeat(16) }, { metricsToken: 'm'.repeat(16) }],
    [{ INGEST_MAX_PENDING: '500' }, { ingestMaxPending: 500 }],
  ];

  it.each(valid)('reads %o', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  const invalid: [env: Record<string, string>, variable: string][] = [
    [{ PORT: 'http' }, 'PORT'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ INGEST_MAX_PENDING: '0' }, 'INGEST_MAX_PENDING'],
    [{ INGEST_MAX_PENDING: 'many' }, 'INGEST_MAX_PENDING'],
    [{ PORT: '65536' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/s' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ DATABASE_URL: './data/sightline.db' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'cache:6379' }, 'REDIS_URL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ SITES: 'demo;drop' }, 'SITES'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS'],
    [{ RATE_LIMIT_MAX: '-5' }, 'RATE_LIMIT_MAX'],
    [{ RATE_LIMIT_MAX: 'lots' }, 'RATE_LIMIT_MAX'],
    [{ RATE_LIMIT_WINDOW: '1d' }, 'RATE_LIMIT_WINDOW'],
    [{ RATE_LIMIT_WINDOW: 'minute' }, 'RATE_LIMIT_WINDOW'],
    [{ RATE_LIMIT_WINDOW: '-1s' }, 'RATE_LIMIT_WINDOW'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ];

  it.each(invalid)('refuses %o with a ConfigError naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^invalid configuration: .*\\b${variable}\\b`));
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });

  it('reads process.env when given nothing', () => {
    const saved = process.env.PORT;
    process.env.PORT = '9999';
    try {
      expect(loadConfig().port).toBe(9999);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['60', 60_000],
    ['60s', 60_000],
    ['500ms', 500],
    ['1m', 60_000],
    ['1h', 3_600_000],
    [' 5 m ', 300_000],
    ['0', 0],
  ])('%j → %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'ms', '1d', '1.5s', '-1s', 'soon'])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(ConfigError);
  });
});
