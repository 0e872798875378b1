import { sql } from 'kysely';
import type pg from 'pg';

/**
 * PostgreSQL plans an unnamed statement anew every time it runs, and for the statements every
 * device sends most often planning costs more than executing (bench/README.md, scenario 8b). A
 * named (prepared) statement is planned once per connection: node-postgres prepares a query when
 * it is given a name and keeps it for the connection's life.
 *
 * A query opts in by ending with `named` (`.modifyEnd(named)`, or `${named}` at the end of raw
 * SQL); SQLite ignores the comment (its statements are cached by text anyway, createDatabase.ts).
 * At most MAX_NAMED_TEXTS texts per pool are named, since each is kept on every pooled
 * connection: a query whose text varies (a list of values) binds an array instead. A named query
 * must name its result columns: a `select *` prepared before another server process adds a column
 * fails with "cached plan must not change result type", so such a text is refused. Should a
 * migration still change a named statement's result (a selected column's type), the text gets a
 * new name, so every connection prepares it again; a statement outside a transaction is sent
 * again at once, inside one the error stands (the request answers 503, the device tries again).
 */
export const NAMED_MARK = '/* named */';

/** Appended to a query: send it as a named statement on PostgreSQL (see the top). */
export const named = sql.raw(NAMED_MARK);

export const MAX_NAMED_TEXTS = 64;

/**
 * SQL taking every column of a table (`select * from "t"`, `"t".*`, `returning *`): its result
 * would change with the table. `select *` from a subquery that names its columns is stable.
 */
const SELECTS_ALL = /\*\s+from\s+"|"\.\*|returning\s+\*/i;

export class NamedStatementError extends Error {
  override readonly name = 'NamedStatementError';
}

/** The names of one pool's named texts. */
export class StatementNames {
  readonly #names = new Map<string, string>();
  #count = 0;

  /** The text's name: undefined for a text not marked, or beyond the bound. */
  nameOf(text: string): string | undefined {
    if (!text.endsWith(NAMED_MARK)) return undefined;
    const name = this.#names.get(text);
    if (name !== undefined || this.#names.size >= MAX_NAMED_TEXTS) return name;
    if (SELECTS_ALL.test(text))
      throw new NamedStatementError(`A named statement must name its columns: ${text}`);
    return this.#nameAnew(text);
  }

  /** A new name for `text` after its prepared form failed (unless another query renamed it). */
  rename(text: string, failed: string): string {
    const current = this.#names.get(text);
    return current !== undefined && current !== failed ? current : this.#nameAnew(text);
  }

  #nameAnew(text: string): string {
    this.#count += 1;
    const name = `fremskudt_${this.#count}`;
    this.#names.set(text, name);
    return name;
  }
}

/** PostgreSQL's answer when a prepared statement's result columns changed since it was planned. */
function resultTypeChanged(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '0A000' &&
    typeof message === 'string' &&
    message.includes('cached plan must not change result type')
  );
}

/** 'I' idle, 'T' in a transaction, 'E' in a failed one (node-postgres; not in its types). */
function transactionStatus(client: pg.PoolClient): string | null | undefined {
  return (client as { getTransactionStatus?: () => string | null }).getTransactionStatus?.();
}

/** Sends the marked texts on this connection as named statements (see the top). */
export function nameStatementsOn(client: pg.PoolClient, names: StatementNames): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const sendNamed = async (text: string, values: unknown[], name: string): Promise<unknown> => {
    const outsideTransaction = transactionStatus(client) === 'I';
    try {
      return await query({ name, text, values });
    } catch (error) {
      if (!resultTypeChanged(error)) throw error;
      const renamed = names.rename(text, name);
      if (!outsideTransaction) throw error;
      return query({ name: renamed, text, values });
    }
  };
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
      const name = names.nameOf(text);
      if (name !== undefined) return sendNamed(text, values, name);
    }
    return query(...args);
  }) as typeof client.query;
}
