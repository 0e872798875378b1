/**
 * Danish civil registration numbers (CPR-nummer), DDMMYY-SSSS.
 *
 * Since 2007 CPR numbers need not satisfy the old modulus-11 check, so only the shape and a real
 * birth date are required. The century follows the 7th digit as the CPR office defines it.
 */

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

export type CprError = 'cpr-format' | 'cpr-date';

/** The century of a CPR number's birth year, from its 7th digit (CPR-kontoret's table). */
function fullYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  // 5–8
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Returns the normalized form "DDMMYY-SSSS", or an error code. Spaces are ignored. */
export function parseCpr(
  input: string,
): { ok: true; value: string } | { ok: false; error: CprError } {
  const compact = input.replace(/\s+/g, '');
  const match = CPR_PATTERN.exec(compact);
  if (!match) return { ok: false, error: 'cpr-format' };
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = fullYear(Number(yy), Number(serial[0]));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    month >= 1 &&
    month <= 12 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  if (!real) return { ok: false, error: 'cpr-date' };
  return { ok: true, value: `${dd}${mm}${yy}-${serial}` };
}

export function isValidCpr(input: string): boolean {
  return parseCpr(input).ok;
}

/** "010190-1234" → "010190-XXXX". Shown by default (databeskyttelsesloven § 11). */
export function maskCpr(cpr: string): string {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) return 'XXXXXX-XXXX';
  return `${parsed.value.slice(0, 7)}XXXX`;
}

/** The birth date encoded in a valid CPR number, as an ISO date string. */
export function cprBirthDate(cpr: string): string | null {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) return null;
  const v = parsed.value;
  const year = fullYear(Number(v.slice(4, 6)), Number(v[7]));
  return `${year}-${v.slice(2, 4)}-${v.slice(0, 2)}`;
}
