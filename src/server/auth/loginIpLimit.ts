import type { Database } from '../data/schema';

/** The per-IP limit counts attempts in fixed windows of one minute. */
export const IP_WINDOW_MS = 60_000;

export type IpAttempt = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one login attempt from `ip` in the current minute and says whether it is within
 * `limitPerMinute`. The count lives in the database (one upsert that increments and returns it,
 * on SQLite and PostgreSQL alike), so several server processes on one database share one
 * allowance per IP; a count in each process's memory allowed each process its own. A fixed window
 * lets at most twice the limit through around a window's turn, which is enough against spraying.
 * The first attempt of an IP in a new window deletes the windows that have ended.
 */
export async function countIpAttempt(
  database: Database,
  ip: string,
  limitPerMinute: number,
  now = new Date(),
): Promise<IpAttempt> {
  const windowStart = Math.floor(now.getTime() / IP_WINDOW_MS) * IP_WINDOW_MS;
  const { attempts } = await database.db
    .insertInto('login_ip_window')
    .values({ ip, window_start: new Date(windowStart).toISOString(), attempts: 1 })
    .onConflict((oc) =>
      oc
        .columns(['ip', 'window_start'])
        .doUpdateSet((eb) => ({ attempts: eb('login_ip_window.attempts', '+', 1) })),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  if (Number(attempts) === 1) await forgetEndedIpWindows(database, now);
  if (Number(attempts) <= limitPerMinute) return { ok: true };
  const left = windowStart + IP_WINDOW_MS - now.getTime();
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
}

/** Deletes the counts of windows that ended before the current one began. */
export async function forgetEndedIpWindows(database: Database, now = new Date()): Promise<void> {
  const current = Math.floor(now.getTime() / IP_WINDOW_MS) * IP_WINDOW_MS;
  await database.db
    .deleteFrom('login_ip_window')
    .where('window_start', '<', new Date(current).toISOString())
    .execute();
}
