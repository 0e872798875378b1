import type { Dialect } from './schema';

/**
 * What PostgreSQL's JSON functions refuse in a record's JSON, and the server writes as it is:
 * `\u0000` (a NUL typed into a field) and `\ud8..`–`\udf..` (a lone surrogate: half of an emoji,
 * as a text cut to a length can leave it; JSON.stringify writes one as such an escape, lowercase,
 * and never escapes anything else in that range).
 */
const PG_REFUSED_ESCAPES = [
  '\\u0000',
  ...['8', '9', 'a', 'b', 'c', 'd', 'e', 'f'].map((d) => `\\ud${d}`),
];

/**
 * PostgreSQL: the text column `column` (a record's JSON) as `json`, each escape PostgreSQL's JSON
 * functions refuse (PG_REFUSED_ESCAPES) replaced by `\ufffd` first. They refuse a whole document
 * holding one anywhere, while such text typed into any field is stored verbatim; without this,
 * one such record failed every statement that read its JSON: its own push (the statistics
 * indexes), the statistics and the retention jobs. A surrogate's last two hex digits stay behind
 * as text. The result is valid JSON (where the backslash is the second half of an escaped `\\`,
 * it is the literal text `\ufffd`, also valid) and changes only values that held such a
 * character; none of the fields read this way (ids, times, kinds) can hold one. Immutable, so an
 * expression index may use it.
 */
export function pgJson(column: string): string {
  const cleaned = PG_REFUSED_ESCAPES.reduce(
    (inner, escape) => `replace(${inner}, '${escape}', '\\ufffd')`,
    column,
  );
  return `${cleaned}::json`;
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
