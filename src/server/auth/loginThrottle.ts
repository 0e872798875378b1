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

/** Seconds until the username may try again, or 0. */
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

export type Reservation =
  | { ok: true; /** Attempts counted so far, this one included. */ failures: number }
  | { ok: false; retryAfterSeconds: number };

/**
 * Reserves one password check for the username (known or not: the same answer for both), BEFORE
 * the slow hash: one statement counts the attempt as a failure and returns the count, so parallel
 * attempts each get their own number and at most the policy's allowance are ever checked. A
 * reading of the count before the hash and a write after it let 15 parallel attempts all through.
 * The attempt that reaches the allowance also locks the username at once (for the longest
 * lockout, shortened to the real one by recordFailure), so the attempts sent alongside it are
 * refused while it is checked. Locked: no reservation, and the seconds to wait.
 */
export async function reserveAttempt(
  database: Database,
  username: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<Reservation> {
  const at = now.toISOString();
  const pending = new Date(now.getTime() + policy.maxLockoutSeconds * 1000).toISOString();
  const row = await database.db
    .insertInto('login_throttle')
    .values({
      username: key(username),
      failures: 1,
      last_failure_at: at,
      locked_until: policy.maxFailures <= 1 ? pending : null,
    })
    .onConflict((oc) =>
      oc
        .column('username')
        .doUpdateSet((eb) => ({
          failures: eb('login_throttle.failures', '+', 1),
          last_failure_at: at,
          locked_until: eb
            .case()
            .when(eb(eb('login_throttle.failures', '+', 1), '>=', policy.maxFailures))
            .then(pending)
            .else(null)
            .end(),
        }))
        .where((eb) =>
          eb.or([
            eb('login_throttle.locked_until', 'is', null),
            eb('login_throttle.locked_until', '<=', at),
          ]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  if (row) return { ok: true, failures: Number(row.failures) };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, await lockedForSeconds(database, username, now)),
  };
}

/** The lockout after `failures` failed attempts: none below the allowance, then doubling. */
export function lockoutSeconds(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.maxFailures;
  return over >= 0 ? Math.min(policy.lockoutSeconds * 2 ** over, policy.maxLockoutSeconds) : 0;
}

/**
 * The reserved attempt failed: past the allowance, the username is locked with exponential
 * back-off from now (replacing the provisional lock its reservation took). Returns the lockout in
 * seconds (0: none); the failure itself was counted by the reservation.
 */
export async function recordFailure(
  database: Database,
  username: string,
  failures: number,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<number> {
  const seconds = lockoutSeconds(failures, policy);
  if (seconds === 0) return 0;
  await database.db
    .updateTable('login_throttle')
    .set({ locked_until: new Date(now.getTime() + seconds * 1000).toISOString() })
    .where('username', '=', key(username))
    .execute();
  return seconds;
}

/** The reserved attempt succeeded: the username starts afresh (its reservation released). */
export async function clearFailures(database: Database, username: string): Promise<void> {
  await database.db.deleteFrom('login_throttle').where('username', '=', key(username)).execute();
}

/** Housekeeping: a day without failures forgets the username. */
export async function forgetOldFailures(database: Database, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 86_400_000).toISOString();
  await database.db.deleteFrom('login_throttle').where('last_failure_at', '<', cutoff).execute();
}
