import type { Citizen } from '../../domain';

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * Digit tokens for CPR and phone: the whole number and its parts, so "0101" finds 010190-1234
 * by prefix although the screen shows the CPR masked.
 */
function digitTokens(c: Citizen): string[] {
  const tokens: string[] = [];
  if (c.cpr) {
    const cpr = digitsOf(c.cpr);
    tokens.push(cpr, cpr.slice(0, 6), cpr.slice(6));
  }
  const phone = digitsOf(c.phone);
  if (phone) tokens.push(phone, phone.slice(-8));
  return tokens;
}

/** What a citizen is found by: names, alias and the digit tokens, as one text. */
export function citizenTerms(c: Citizen): string {
  return [c.firstName, c.lastName, c.alias, ...digitTokens(c)].join(' ');
}

/** A query made only of digits and separators ("0101 90-12") is searched as one number. */
export function normalizeQuery(query: string): string {
  const trimmed = query.trim();
  return /^[\d\s+()-]+$/.test(trimmed) ? digitsOf(trimmed) : trimmed;
}
