import type { Citizen, Note } from '../../domain';

/** One entry of the search index: a citizen, or a note that leads to its citizen. */
export interface SearchDoc {
  id: string;
  citizenId: string;
  names?: string;
  digits?: string;
  text?: string;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * Digit tokens for CPR and phone: the whole number and its parts, so "0101" finds 010190-1234
 * by prefix although the screen shows the CPR masked.
 */
function digitTokens(c: Citizen): string {
  const tokens: string[] = [];
  if (c.cpr) {
    const cpr = digitsOf(c.cpr);
    tokens.push(cpr, cpr.slice(0, 6), cpr.slice(6));
  }
  const phone = digitsOf(c.phone);
  if (phone) tokens.push(phone, phone.slice(-8));
  return tokens.join(' ');
}

export const citizenDocId = (id: string) => `c:${id}`;
export const noteDocId = (id: string) => `n:${id}`;

export function citizenDoc(c: Citizen): SearchDoc {
  return {
    id: citizenDocId(c.id),
    citizenId: c.id,
    names: [c.firstName, c.lastName, c.alias].join(' '),
    digits: digitTokens(c),
  };
}

export function noteDoc(n: Note): SearchDoc {
  return { id: noteDocId(n.id), citizenId: n.citizenId, text: n.body };
}

/** A query made only of digits and separators ("0101 90-12") is searched as one number. */
export function normalizeQuery(query: string): string {
  const trimmed = query.trim();
  return /^[\d\s+()-]+$/.test(trimmed) ? digitsOf(trimmed) : trimmed;
}
