import type { Database } from '../data/schema';

/**
 * Takes the lease of job `name` for `holder` until `now + ttlMs`, if no one else holds an
 * unexpired one; true when taken. One atomic upsert, so of several server processes starting the
 * job at once exactly one gets it (the others skip); a process that dies holding it only blocks
 * the job until the lease expires.
 */
export async function takeLease(
  database: Database,
  name: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const taken = await database.db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where('job_leases.expires_at', '<', now.toISOString()),
    )
    .returning('holder')
    .executeTakeFirst();
  return taken?.holder === holder;
}

/** Gives the lease back (only if `holder` still holds it), so the next run need not wait. */
export async function releaseLease(
  database: Database,
  name: string,
  holder: string,
): Promise<void> {
  await database.db
    .deleteFrom('job_leases')
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
