import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Schema } from './schema';

/**
 * A scope's (team id or `shared`) PostgreSQL advisory-lock key: the first 8 bytes of a SHA-256,
 * the same in every server process. Two scopes sharing a key would only serialize with each other
 * (still correct), and keys are taken in key order, so a collision cannot cause a deadlock.
 */
export function scopeLockKey(scope: string): bigint {
  return createHash('sha256').update(`fremskudt-scope:${scope}`).digest().readBigInt64BE(0);
}

/** The scopes' keys, deduplicated, ascending: the one order every transaction takes them in. */
export function sortedLockKeys(scopes: Iterable<string>): bigint[] {
  const keys = [...new Set([...scopes].map(scopeLockKey))];
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Takes the scopes' transaction-scoped advisory locks (PostgreSQL only), released at commit or
 * rollback: a writer appending to those scopes' change logs. Every transaction takes its locks in
 * one statement, in ascending key order, so two transactions can never wait for each other in a
 * cycle. unnest() yields the array in order and the target list is evaluated row by row as the
 * function scan returns them (no sort in between). The keys are written into the text (integers
 * of our own making, never input): a statement without parameters is sent together with the
 * transaction's `begin`, in one round trip (deferredBegin.ts).
 */
export async function lockScopes(
  trx: Transaction<Schema>,
  scopes: Iterable<string>,
): Promise<void> {
  const keys = sortedLockKeys(scopes).map(String);
  if (keys.length === 0) return;
  const array = sql.raw(`array[${keys.join(',')}]::bigint[]`);
  await sql`select pg_advisory_xact_lock(k) from unnest(${array}) as k`.execute(trx);
}
