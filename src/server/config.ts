import { z } from 'zod';
import { SHARED_TEAM_ID, TeamIdSchema } from '../domain/common';
import { RoleSchema } from '../domain/user';

const truthy = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The lowest PASSWORD_HASH_COST a production server starts with (scrypt N = 2^15). */
export const PRODUCTION_PASSWORD_HASH_COST = 15;

/** PostgreSQL connections per server process unless PG_POOL_MAX says otherwise. */
export const DEFAULT_PG_POOL_MAX = 10;

/**
 * The server's environment, parsed once at start and validated as a whole. Every setting has a safe
 * default so `node dist/server/main.js` works on a laptop with nothing configured.
 */
export const ConfigSchema = z.object({
  /** production turns on HSTS (the app is then served over HTTPS only). */
  NODE_ENV: z.string().trim().default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /**
   * log2 of scrypt's N for new password hashes (auth/password.ts). 15 (the default) is the floor
   * in production; the test suites set 10 so that thousands of sign-ins do not dominate the gate.
   * Existing hashes keep the cost they were made with.
   */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
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
  /**
   * The statements sent most often go to PostgreSQL as named (prepared) statements, planned once
   * per connection (data/namedStatements.ts). Off for a connection pooler that cannot keep them
   * (PgBouncer in transaction mode before 1.21, or without max_prepared_statements).
   */
  PG_NAMED_STATEMENTS: truthy.default(true),
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
   * A citizen with no activity for this long (730 days: 24 months) and every final note carried
   * over to the system of record is proposed to a lead of their team for erasure.
   */
  ERASURE_PROPOSAL_INACTIVE_DAYS: positiveInt(730),
  /** A proposal a lead dismissed is not made again for this long. */
  ERASURE_PROPOSAL_DISMISS_DAYS: positiveInt(180),
  /**
   * Anonymous contacts older than this (730 days: 24 months) lose their free-text remark; what the
   * statistics count (place, time, age group, gender, topics) stays.
   */
  ANONYMOUS_CONTACT_DETAIL_DAYS: positiveInt(730),
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
  /**
   * Single sign-on (OpenID Connect, e.g. Entra ID): the issuer URL, the client registered there
   * and the redirect URL registered with it (this server's /api/auth/oidc/callback). SSO is on
   * when OIDC_ISSUER is set; then the client id, secret and redirect URL are required.
   */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_REDIRECT_URL: optionalUrl,
  /** The ID token claim that identifies the person: Entra's `oid` is stable per tenant. */
  OIDC_SUBJECT_CLAIM: z.enum(['oid', 'sub']).default('sub'),
  /** The claim matched to a Fremskudt username the first time a subject signs in. */
  OIDC_USERNAME_CLAIM: z.string().trim().min(1).default('preferred_username'),
  /**
   * A person the provider knows and Fremskudt does not: refused (the default) or created as a
   * caseworker with no team, who signs in and sees nothing until a lead adds them to a team (or
   * OIDC_GROUP_MAP gives them one).
   */
  OIDC_AUTO_CREATE: truthy.default(false),
  /** Retired with migration 0012 (new users have no team): refused with a message if set. */
  OIDC_AUTO_CREATE_TEAM: optionalText,
  /** The ID token claim that lists the person's groups (Entra: `groups`, object ids). */
  OIDC_GROUP_CLAIM: z.string().trim().min(1).default('groups'),
  /**
   * Teams and roles from the provider's groups, as JSON:
   * `{ "<group id>": { "team": "<team id>", "role": "lead" } }` (team, role or both). When set,
   * each sign-in makes the memberships and the role these groups give match the groups the person
   * is in (auth/groupMapping.ts); everything else stays managed in Fremskudt.
   */
  OIDC_GROUP_MAP: optionalText,
  /** http:// issuers are refused unless this is set (a test provider on loopback). */
  OIDC_ALLOW_HTTP: truthy.default(false),
});

/** One group's meaning: a team to be a member of, a role to have, or both. */
const GroupMappingSchema = z
  .strictObject({ team: TeamIdSchema.optional(), role: RoleSchema.optional() })
  .refine((m) => m.team !== undefined || m.role !== undefined, 'needs "team", "role" or both')
  .refine((m) => m.team !== SHARED_TEAM_ID, 'nobody is a member of the shared scope');

export const GroupMapSchema = z
  .record(z.string().trim().min(1).max(256), GroupMappingSchema)
  .refine((m) => Object.keys(m).length > 0, 'maps no group');
export type GroupMap = z.infer<typeof GroupMapSchema>;

/** OIDC_GROUP_MAP as JSON, checked; the message names what is wrong. */
export function parseGroupMap(
  text: string,
): { ok: true; map: GroupMap } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'must be JSON: { "<group id>": { "team": "…", "role": "…" } }' };
  }
  const parsed = GroupMapSchema.safeParse(json);
  if (parsed.success) return { ok: true, map: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'invalid'}` };
}

/**
 * The whole SSO configuration or none of it: a half-configured provider fails at start. A
 * production server refuses a test-strength password hash cost.
 */
const CheckedConfigSchema = ConfigSchema.superRefine((c, ctx) => {
  if (c.NODE_ENV === 'production' && c.PASSWORD_HASH_COST < PRODUCTION_PASSWORD_HASH_COST) {
    ctx.addIssue({
      code: 'custom',
      path: ['PASSWORD_HASH_COST'],
      message: `must be at least ${PRODUCTION_PASSWORD_HASH_COST} in production (a lower cost is for tests only)`,
    });
  }
  if (c.OIDC_AUTO_CREATE_TEAM) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_AUTO_CREATE_TEAM'],
      message:
        'no longer used: a user created at their first sign-in now has no team until a lead ' +
        'adds them (or OIDC_GROUP_MAP gives them one); remove this setting',
    });
  }
  if (c.OIDC_GROUP_MAP !== undefined) {
    const parsed = parseGroupMap(c.OIDC_GROUP_MAP);
    if (!parsed.ok)
      ctx.addIssue({ code: 'custom', path: ['OIDC_GROUP_MAP'], message: parsed.message });
  }
  if (!c.OIDC_ISSUER) return;
  for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const) {
    if (!c[key])
      ctx.addIssue({ code: 'custom', path: [key], message: 'required with OIDC_ISSUER' });
  }
  if (!c.OIDC_ALLOW_HTTP && !c.OIDC_ISSUER.startsWith('https://')) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'must be https:// (OIDC_ALLOW_HTTP=1 only for a test provider)',
    });
  }
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid-config';
}

/** Parses the environment; throws a ConfigError that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedConfigSchema.safeParse(env);
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
    OIDC_CLIENT_SECRET: config.OIDC_CLIENT_SECRET ? '***' : undefined,
    database: config.DATABASE_URL ? 'postgres' : 'sqlite',
  };
}
