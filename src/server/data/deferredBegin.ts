import type pg from 'pg';
import { NAMED_MARK } from './namedStatements';

/**
 * A transaction's `begin` travels with its first statement when it can: one round trip instead
 * of two. Every write transaction on PostgreSQL starts with its scope locks (writeTransaction.ts),
 * a statement without parameters, so `begin; select pg_advisory_xact_lock(…)` goes as one simple
 * query. A statement sent from the server costs as much in the kernel's socket write and the
 * wake-up of the other side as PostgreSQL takes to run it (bench/README.md, scenario 8b).
 *
 * Kysely sends `begin` (the literal text, no parameters) and then the transaction's statements
 * on the same client. Here `begin` is held back: the next statement without parameters is sent
 * as `begin;` followed by it (PostgreSQL runs the two in that order, the second inside the
 * transaction; node-postgres answers with both results, the caller gets the second); a statement
 * with parameters (extended protocol, one statement per message), or one to be prepared
 * (namedStatements.ts), waits for a `begin` of its own.
 * A `commit` or `rollback` with `begin` still held back ends a transaction that never started:
 * nothing is sent. Either way the statements run in the same transaction, in the same order,
 * with the same results as before.
 */
export function deferBeginOn(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const plain =
      args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length === 0;
    if (plain && /^begin$/i.test(text)) {
      if (held.has(client))
        return Promise.reject(new Error('begin while a transaction is being opened'));
      held.add(client);
      return Promise.resolve(noRows('BEGIN'));
    }
    if (!held.delete(client)) return query(...args);
    if (plain && /^(commit|rollback)$/i.test(text)) return Promise.resolve(noRows(text));
    if (plain && !ENDS_OR_STARTS_TRANSACTION.test(text) && !text.endsWith(NAMED_MARK))
      return query(`begin;\n${text}`, []).then(lastResult);
    return query('begin', []).then(() => query(...args));
  }) as typeof client.query;
}

/** Clients whose `begin` is held back. */
const held = new WeakSet<pg.PoolClient>();

/**
 * Forgets a held `begin` of a client going back to the pool: its transaction never reached
 * PostgreSQL, so there is nothing to end (Kysely always ends it first; this is the safety net).
 */
export function dropHeldBegin(client: pg.PoolClient): void {
  held.delete(client);
}

/** Transaction control of its own: never merged with a held `begin`. */
const ENDS_OR_STARTS_TRANSACTION =
  /^\s*(begin|start|commit|end|rollback|abort|savepoint|release)\b/i;

/** What node-postgres answers for a statement that returns no rows. */
function noRows(command: string): Partial<pg.QueryResult> {
  return { command: command.toUpperCase(), rowCount: null, rows: [], fields: [] };
}

/** A multi-statement simple query answers with every statement's result: the caller's is last. */
function lastResult(result: unknown): unknown {
  return Array.isArray(result) ? result[result.length - 1] : result;
}
