import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import { chunkRows } from './bindLimits';
import type { Schema } from './schema';

/** Rows for one table, whole rows (every column), written together with a transaction's other rows. */
export type TableRows = {
  [T in keyof Schema]: { readonly table: T; readonly rows: readonly Insertable<Schema[T]>[] };
}[keyof Schema];

/** The column names the rows carry (the first row's keys; every row of a batch has the same). */
const columnsOf = (rows: readonly object[]): string[] => Object.keys(rows[0] ?? {});

/**
 * PostgreSQL: a data-modifying CTE (`name as (insert …)`) inserting the rows, passed as ONE JSON
 * parameter and unpacked by `json_populate_recordset` into the table's own row type. One bound
 * parameter however many rows, so no chunking, and several tables' inserts fit into one statement:
 * one round trip (changeStage.writeStagePostgres says why that matters). Pass whole rows: a
 * column left out is inserted as NULL, not as its default.
 */
export function insertCte(name: string, { table, rows }: TableRows): RawBuilder<unknown> {
  const columns = sql.join(columnsOf(rows).map((c) => sql.ref(c)));
  return sql`${sql.id(name)} as (insert into ${sql.table(table)} (${columns})
    select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json))`;
}

/**
 * Multi-row inserts under the bind limit (SQLite, and any caller without a statement to join).
 * Pass the transaction that makes the change the rows belong to.
 */
export async function insertRows(db: Kysely<Schema>, { table, rows }: TableRows): Promise<void> {
  if (rows.length === 0) return;
  // <object>: `rows` is a union over the tables, which chunkRows cannot infer one type from.
  for (const chunk of chunkRows<object>(rows, columnsOf(rows).length))
    await db.insertInto(table).values(chunk).execute();
}
