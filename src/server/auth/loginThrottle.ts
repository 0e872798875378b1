import type { Database } from '../data/schema';

export interface ThrottlePolicy {
  /** Failures allowed before the first lockout. */
  maxFailures: number;
  /** The first lockout; each further failure doubles it, up to maxLockoutSeconds. */
  lockoutSeconds: number;
  maxLockoutSeconds: number;
}

function key(username: string): string {
  return username.trim().toLowerCase();
}

/** Seconds until the username may try again, or 0. Checked before the password is verified. */
export async function lockedForSeconds(
  database: Database,
  username: string,
  now = new Date(),
): Promise<number> {
  const row = await database.db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('username', '=', key(username))
    .executeTakeFirst();
  if (!row?.locked_until) return 0;
  const ms = Date.parse(row.locked_until) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/**
 * Counts a failure for the username (known or not: the same answer for both) and, past the
 * policy's allowance, locks it with exponential back-off. Returns the lockout in seconds (0: none).
 */
export async function recordFailure(
  database: Database,
  username: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<number> {
  const name = key(username);
  const row = await database.db
    .selectFrom('login_throttle')
    .select('failures')
    .where('username', '=', name)
    .executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const over = failures - policy.maxFailures;
  const seconds =
    over >= 0 ? Math.min(policy.lockoutSeconds * 2 ** over, policy.maxLockoutSeconds) : 0;
  const lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
  await database.db
    .insertInto('login_throttle')
    .values({
      username: name,
      failures,
      last_failure_at: now.toISOString(),
      locked_until: lockedUntil,
    })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures,
        last_failure_at: now.toISOString(),
        locked_until: lockedUntil,
      }),
    )
    .execute();
  return seconds;
}

export async function clearFailures(database: Database, username: string): Promise<void> {
  await database.db.deleteFrom('login_throttle').where('username', '=', key(username)).execute();
}

/** Housekeeping: a day without failures forgets the username. */
export async function forgetOldFailures(database: Database, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 86_400_000).toISOString();
  await database.db.deleteFrom('login_throttle').where('last_failure_at', '<', cutoff).execute();
}
