/**
 * The collector's configuration: one JSON Schema with defaults, read from an injectable
 * environment (the only place that looks at `process.env`), resolved once, and a boot that
 * fails with a clear message on bad values.
 */
import { Ajv } from 'ajv';

export const envSchema = {
  type: 'object',
  properties: {
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 8787 },
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    DATABASE_URL: {
      type: 'string',
      pattern: '^(sqlite:.+|postgres(ql)?://.+)$',
      default: 'sqlite:./data/sightline.db',
    },
    REDIS_URL: { type: 'string', pattern: '^rediss?://.+' },
    ADMIN_TOKEN: { type: 'string', minLength: 16, maxLength: 256 },
    SITES: { type: 'string', pattern: '^[A-Za-z0-9_.:,\\s-]*$', default: '' },
    TRUST_PROXY: { type: 'boolean', default: false },
    RETENTION_DAYS: { type: 'integer', minimum: 1, maximum: 36500, default: 400 },
    RATE_LIMIT_MAX: { type: 'integer', minimum: 0, default: 600 },
    RATE_LIMIT_WINDOW: { type: 'string', pattern: '^\\d+\\s*(ms|s|m|h)?$', default: '60s' },
    SCRIPT_PATH: { type: 'string', pattern: '^/[A-Za-z0-9/_.-]{1,100}$' },
    COLLECT_PATH: { type: 'string', pattern: '^/[A-Za-z0-9/_.-]{1,100}$' },
    METRICS_TOKEN: { type: 'string', minLength: 16, maxLength: 256 },
    INGEST_MAX_PENDING: { type: 'integer', minimum: 1, default: 10000 },
    LOG_LEVEL: {
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
  },
} as const;

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface CollectorConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl: string | undefined;
  adminToken: string | undefined;
  sites: string[];
  trustProxy: boolean;
  retentionDays: number;
  rateLimit: { max: number; windowMs: number };
  logLevel: string;
  /** Extra paths for the script and for ingest (ad blockers block the well-known ones). */
  scriptPath: string | undefined;
  collectPath: string | undefined;
  /** Bearer token that may read `/metrics` only (the admin token may too). */
  metricsToken: string | undefined;
  /** Events waiting for a group commit before ingest answers 503 + Retry-After. */
  ingestMaxPending: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface RawEnv {
  PORT: number;
  HOST: string;
  DATABASE_URL: string;
  REDIS_URL?: string;
  ADMIN_TOKEN?: string;
  SITES: string;
  TRUST_PROXY: boolean;
  RETENTION_DAYS: number;
  RATE_LIMIT_MAX: number;
  RATE_LIMIT_WINDOW: string;
  LOG_LEVEL: string;
  SCRIPT_PATH?: string;
  COLLECT_PATH?: string;
  METRICS_TOKEN?: string;
  INGEST_MAX_PENDING: number;
}

const validateEnv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true }).compile(envSchema);

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `60`, `60s`, `500ms`, `1m`, `1h` → milliseconds (a bare number means seconds). */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new ConfigError(`not a duration: ${text}`);
  return Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000);
}

function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: url.slice('sqlite:'.length) };
  return { kind: 'postgres', url };
}

/** Reads only the variables of `envSchema` from `env`; unknown variables are ignored. */
export function loadConfig(env: Record<string, string | undefined> = process.env): CollectorConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (!validateEnv(raw)) {
    const problems = (validateEnv.errors ?? [])
      .map((e) => `${e.instancePath.slice(1) || 'config'} ${e.message ?? 'is invalid'}`)
      .join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const cfg = raw as unknown as RawEnv;
  return {
    port: cfg.PORT,
    host: cfg.HOST,
    database: parseDatabaseUrl(cfg.DATABASE_URL),
    redisUrl: cfg.REDIS_URL,
    adminToken: cfg.ADMIN_TOKEN,
    sites: cfg.SITES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: cfg.TRUST_PROXY,
    retentionDays: cfg.RETENTION_DAYS,
    rateLimit: { max: cfg.RATE_LIMIT_MAX, windowMs: parseDuration(cfg.RATE_LIMIT_WINDOW) },
    logLevel: cfg.LOG_LEVEL,
    scriptPath: cfg.SCRIPT_PATH,
    collectPath: cfg.COLLECT_PATH,
    metricsToken: cfg.METRICS_TOKEN,
    ingestMaxPending: cfg.INGEST_MAX_PENDING,
  };
}
