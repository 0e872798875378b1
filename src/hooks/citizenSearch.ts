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

/** One collator for every comparison: `localeCompare(…, 'da')` per pair is several times slower. */
const collator = new Intl.Collator('da');

/** Alphabetical by display name, each name computed once rather than once per comparison. */
function sortByName(citizens: readonly Citizen[]): Citizen[] {
  return citizens
    .map((c) => ({ c, name: citizenDisplayName(c) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ c }) => c);
}

function buildIndex(citizens: readonly Citizen[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>({ fields: ['names', 'digits'], idField: 'id' });
  index.addAll(
    citizens.map((c) => ({
      id: c.id,
      names: [c.firstName, c.lastName, c.alias].join(' '),
      digits: digitTokens(c),
    })),
  );
  return index;
}

export interface CitizenSearch {
  search: (query: string) => Citizen[];
  /** Builds the index now if it is not built yet (call when idle, before the first keystroke). */
  prepare: () => void;
}

/**
 * An in-memory index: prefix + fuzzy for names and aliases, prefix for digits. The index is built
 * on the first search (or `prepare()`), not here: with 10,000 citizens it takes most of a second,
 * and the empty query — the list the screen opens with — does not need it.
 */
export function buildCitizenSearch(citizens: readonly Citizen[]): CitizenSearch {
  let index: MiniSearch<SearchDoc> | undefined;
  const indexed = () => (index ??= buildIndex(citizens));
  const byId = new Map(citizens.map((c) => [c.id, c]));
  const all = sortByName(citizens);
  return {
    prepare: () => void indexed(),
    search(query) {
      const q = normalizeQuery(query);
      if (q === '') return all;
      const hits = indexed().search(q, {
        prefix: true,
        fuzzy: (term) => (/^\d+$/.test(term) || term.length < 3 ? false : 0.2),
        combineWith: 'AND',
      });
      return hits.map((h) => byId.get(String(h.id))).filter((c): c is Citizen => c !== undefined);
    },
  };
}
