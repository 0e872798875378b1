import MiniSearch from 'minisearch';
import { citizenDisplayName, type Citizen } from '../domain';

interface SearchDoc {
  id: string;
  names: string;
  digits: string;
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

/** A query made only of digits and separators ("0101 90-12") is searched as one number. */
function normalizeQuery(query: string): string {
  const trimmed = query.trim();
  return /^[\d\s+()-]+$/.test(trimmed) ? digitsOf(trimmed) : trimmed;
}

const byName = (a: Citizen, b: Citizen) =>
  citizenDisplayName(a).localeCompare(citizenDisplayName(b), 'da');

export interface CitizenSearch {
  search: (query: string) => Citizen[];
}

/** Builds an in-memory index: prefix + fuzzy for names and aliases, prefix for digits. */
export function buildCitizenSearch(citizens: readonly Citizen[]): CitizenSearch {
  const index = new MiniSearch<SearchDoc>({ fields: ['names', 'digits'], idField: 'id' });
  index.addAll(
    citizens.map((c) => ({
      id: c.id,
      names: [c.firstName, c.lastName, c.alias].join(' '),
      digits: digitTokens(c),
    })),
  );
  const byId = new Map(citizens.map((c) => [c.id, c]));
  const all = [...citizens].sort(byName);
  return {
    search(query) {
      const q = normalizeQuery(query);
      if (q === '') return all;
      const hits = index.search(q, {
        prefix: true,
        fuzzy: (term) => (/^\d+$/.test(term) || term.length < 3 ? false : 0.2),
        combineWith: 'AND',
      });
      return hits.map((h) => byId.get(String(h.id))).filter((c): c is Citizen => c !== undefined);
    },
  };
}
