import { z } from 'zod';

const truthy = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** PostgreSQL connections per server process unless PG_POOL_MAX says otherwise. */
export const DEFAULT_PG_POOL_MAX = 10;

/**
 * The server's environment, parsed once at start (STYLE.md habit 10). Every setting has a safe
 * default so `node dist/server/main.js` works on a laptop with nothing configured.
 */
export const ConfigSchema = z.object({
  /** production turns on HSTS (the app is then served over HTTPS only). */
  NODE_ENV: z.string().trim().default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** postgres://… selects PostgreSQL; unset selects the SQLite file at SQLITE_PATH. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SQLITE_PATH: z.string().trim().min(1).default('./data/fremskudt.sqlite'),
  /**
   * PostgreSQL connections this server process may hold. A push holds one from its first
   * statement to its commit, including while it waits for its team's change-log lock, so the
   * pool bounds how many teams push at once; keep it (times the server processes) well under
   * the database's max_connections.
   */
  PG_POOL_MAX: positiveInt(DEFAULT_PG_POOL_MAX),
  STATIC_DIR: z.string().trim().min(1).default('dist'),
  DEMO_DATA: truthy.default(false),
  /**
   * 30 days. Caseworkers sit at a location a couple of hours a week with poor network; a laptop
   * may go a week or more between syncs. The client works offline on its stored session whatever
   * the TTL, but an expired token means a fresh login before the outbox can be pushed, so a short
   * TTL would put a password prompt between the caseworker and their queued notes every session.
   * Logout (and a lost device reported to the admin) ends the session at once on the server.
   */
  SESSION_TTL_HOURS: positiveInt(720),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long audit entries are kept (Datatilsynet: logs need a defined retention period). */
  AUDIT_RETENTION_DAYS: positiveInt(180),
  /** How long a change the server refused is kept (the whole mutation as sent). */
  REJECTED_RETENTION_DAYS: positiveInt(90),
  /** Devices not seen for this long are forgotten, with their sessions. */
  DEVICE_RETENTION_DAYS: positiveInt(180),
  /**
   * The change log's horizon: older versions replaced by later ones and tombstones older than
   * this are removed; a device that last synced before a removed tombstone resynchronises.
   */
  CHANGE_LOG_HORIZON_DAYS: positiveInt(90),
  /**
   * Statistics: a count of people under this (and above zero) is published as "< N", with enough
   * other cells withheld that it cannot be worked out (domain/smallNumbers.ts).
   */
  STATISTICS_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  /**
   * Login attempts per client IP per minute, against password spraying; counted in the database,
   * so every server process on it shares the one allowance.
   */
  LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt(20),
  /** Failed logins per username before it is locked out for a while. */
  LOGIN_MAX_FAILURES: positiveInt(5),
  /** The first lockout; it doubles with every further failure, up to LOGIN_MAX_LOCKOUT_SECONDS. */
  LOGIN_LOCKOUT_SECONDS: positiveInt(30),
  LOGIN_MAX_LOCKOUT_SECONDS: positiveInt(900),
  /** Behind the municipality's reverse proxy: trust its X-Forwarded-For for the per-IP limit. */
  TRUST_PROXY: truthy.default(false),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid-config';
}

/** Parses the environment; throws a ConfigError that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
}

/** Replaces the password in a connection URL with ***, for logs. */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** The configuration as it may be logged: secrets masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    DATABASE_URL: config.DATABASE_URL ? maskDatabaseUrl(config.DATABASE_URL) : undefined,
    database: config.DATABASE_URL ? 'postgres' : 'sqlite',
  };
}
