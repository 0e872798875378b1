import type { StoredRow } from './rowCodec';

/**
 * Whether a row is still the one read before sealing: every write re-seals with a fresh IV, so
 * equal sealed bytes (and version) mean nobody wrote it in between — the re-check a
 * read-modify-write makes inside its transaction, since it had to unseal and seal outside.
 */
export function sameRow(a: StoredRow | undefined, b: StoredRow | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.version !== b.version) return false;
  const x = a.sealed;
  const y = b.sealed;
  if (!x || !y) return x === y;
  if (x.byteLength !== y.byteLength) return false;
  for (let i = 0; i < x.byteLength; i++) if (x[i] !== y[i]) return false;
  return true;
}
