import type { Dialect } from './schema';

/**
 * PostgreSQL: the text column `column` (a record's JSON) as `json`, each `\u0000` escape replaced
 * by `\ufffd` first. PostgreSQL's JSON functions refuse a whole document holding `\u0000` anywhere
 * (they cannot turn it into text), while a NUL typed into any field is stored verbatim; without
 * this, one such record failed every statement that read its JSON: its own push (the statistics
 * indexes), the statistics and the retention jobs. The replacement keeps the document valid JSON
 * (where the backslash is the second half of an escaped `\\`, the result is the literal text
 * `\ufffd`, also valid) and changes only values that held a NUL; none of the fields read this way
 * (ids, times, kinds) can hold one. Immutable, so an expression index may use it.
 */
export function pgJson(column: string): string {
  return `replace(${column}, '\\u0000', '\\ufffd')::json`;
}

/**
 * One top-level field of the JSON text in `column`, as text, in the database's own syntax (on
 * PostgreSQL through `pgJson`). Raw SQL, so an index expression can use it too: `column` and
 * `name` are fixed names in the code, never input.
 */
export function jsonFieldSql(dialect: Dialect, column: string, name: string): string {
  return dialect === 'sqlite'
    ? `json_extract(${column}, '$.${name}')`
    : `(${pgJson(column)} ->> '${name}')`;
}
