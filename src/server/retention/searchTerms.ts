import { sql, type Expression, type SqlBool } from 'kysely';
import type { RecordData } from '../../domain/merge';
import { jsonFieldSql } from '../data/jsonSql';
import type { Dialect } from '../data/schema';

/** Shorter pieces ("Bo", "12") would clear a large share of unrelated searches. */
export const MIN_TOKEN_LENGTH = 3;

const digitsOf = (s: string) => s.replace(/\D/g, '');
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The pieces of a citizen's identifying values (first and last name, alias, CPR, phone) that a
 * search term naming the citizen would contain, lower-cased: each word of at least
 * MIN_TOKEN_LENGTH characters, the CPR's and the phone's digits without separators and the
 * phone's last 8. A token containing another is dropped (a term containing it contains the other).
 */
export function identifyingTokens(data: RecordData): string[] {
  const tokens = new Set<string>();
  const add = (t: string) => {
    if (t.length >= MIN_TOKEN_LENGTH) tokens.add(t.toLowerCase());
  };
  for (const field of ['firstName', 'lastName', 'alias', 'cpr', 'phone'] as const) {
    for (const piece of text(data[field]).split(/[^\p{L}\p{N}]+/u)) add(piece);
  }
  const cpr = digitsOf(text(data.cpr));
  add(cpr);
  const phone = digitsOf(text(data.phone));
  add(phone);
  add(phone.slice(-8));
  const all = [...tokens];
  return all.filter((t) => !all.some((other) => other !== t && t.includes(other))).sort();
}

/**
 * How each token may be written in a stored term as the database compares it: lower(term) folds
 * only A–Z on SQLite (and on a PostgreSQL database with the C locale), so "Østergaard" stays
 * capitalised; the capitalised and upper-case forms are matched as well.
 */
function spellings(token: string): string[] {
  const capitalised = token.charAt(0).toUpperCase() + token.slice(1);
  return [...new Set([token, capitalised, token.toUpperCase()])];
}

/** A LIKE pattern finding `token` anywhere, its % _ and \ matched literally (escape '\'). */
export function containsPattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * True where the `term` inside an audit entry's detail (JSON) contains any of the tokens, compared
 * lower-cased and with spaces and dashes removed ("010190 1234" and "12 34 56 78" are the CPR and
 * the phone). Bound parameters only; null when there are no tokens.
 */
export function termContainsAny(
  dialect: Dialect,
  tokens: readonly string[],
): Expression<SqlBool> | null {
  if (tokens.length === 0) return null;
  const term = sql.raw(jsonFieldSql(dialect, 'detail', 'term'));
  const folded = sql`replace(replace(lower(${term}), ' ', ''), '-', '')`;
  const patterns = tokens.flatMap(spellings).map(containsPattern);
  return sql<SqlBool>`(${sql.join(
    patterns.map((p) => sql`${folded} like ${p} escape '\\'`),
    sql` or `,
  )})`;
}
