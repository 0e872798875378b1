/**
 * Bound parameters per statement, under both databases' limits: SQLite's
 * SQLITE_MAX_VARIABLE_NUMBER (32,766 since 3.32) and PostgreSQL's wire protocol (65,535).
 */
export const MAX_BIND_PARAMETERS = 30_000;

/** Splits rows into chunks whose multi-row statement stays under MAX_BIND_PARAMETERS. */
export function chunkRows<T>(
  rows: readonly T[],
  parametersPerRow: number,
  maxParameters = MAX_BIND_PARAMETERS,
): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / parametersPerRow));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size)
    chunks.push(rows.slice(start, start + size));
  return chunks;
}
