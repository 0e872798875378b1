import { citizenDisplayName, type Citizen, type Note } from '../../domain';
import { PrefixIndex, wordsOf } from './prefixIndex';
import { citizenTerms, normalizeQuery } from './searchDocs';

/** Note text is searched from this many characters on: shorter prefixes match most notes. */
const NOTE_MIN_TERM = 3;
/** Typo tolerance for names: one edit per five letters, only when nothing matches by prefix. */
const FUZZY_MIN_TERM = 3;

// One collator for every comparison: localeCompare builds one per call, which made sorting
// 10,000 citizens (after every pulled page of citizens) a long task.
const collator = new Intl.Collator('da');

/** Alphabetically by the name shown, each name computed once. */
function sortByName(list: Iterable<Citizen>): Citizen[] {
  return [...list]
    .map((citizen) => ({ citizen, name: citizenDisplayName(citizen) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((x) => x.citizen);
}

const isNumber = (word: string) => /^\d+$/.test(word);

/**
 * The in-memory search over the unlocked store: citizens by name and alias (prefix; a typo is
 * forgiven in longer words), CPR and phone digits (prefix), and note text (prefix) leading to
 * the note's citizen; every word of the query must match. Kept up to date record by record;
 * it holds decrypted data, so it is dropped at lock. A keystroke costs a binary search per word
 * in two sorted vocabularies and a walk over the alphabetical list — no scoring, no sorting.
 */
export class SearchIndex {
  private readonly terms = new PrefixIndex();
  private readonly notes = new PrefixIndex();
  private readonly citizens = new Map<string, Citizen>();
  private sorted: Citizen[] | null = null;

  putCitizens(list: readonly Citizen[]): void {
    for (const c of list) {
      this.citizens.set(c.id, c);
      this.terms.put(c.id, c.id, citizenTerms(c));
    }
    this.sorted = null;
  }

  putNotes(list: readonly Note[]): void {
    for (const n of list) this.notes.put(n.id, n.citizenId, n.body);
  }

  /** The indexed citizen with this id, if any. */
  citizen(id: string): Citizen | undefined {
    return this.citizens.get(id);
  }

  removeCitizen(id: string): void {
    this.citizens.delete(id);
    this.terms.remove(id);
    this.sorted = null;
  }

  removeNote(id: string): void {
    this.notes.remove(id);
  }

  private ownersOf(word: string): Set<string> {
    const everyone = this.citizens.size;
    const found = this.terms.ownersWithPrefix(word, new Set(), everyone);
    if (word.length >= NOTE_MIN_TERM && !isNumber(word)) {
      this.notes.ownersWithPrefix(word, found, everyone);
    }
    if (found.size === 0 && word.length >= FUZZY_MIN_TERM && !isNumber(word)) {
      return this.terms.ownersNear(word, Math.max(1, Math.floor(word.length / 5)));
    }
    return found;
  }

  /** Citizens matching every word of the query, alphabetically (empty query: everyone). */
  search(query: string): Citizen[] {
    this.sorted ??= sortByName(this.citizens.values());
    const words = wordsOf(normalizeQuery(query));
    if (words.length === 0) return this.sorted;
    const [first, ...rest] = words.map((word) => this.ownersOf(word));
    let hits: Set<string> = first ?? new Set();
    for (const owners of rest) hits = new Set([...hits].filter((id) => owners.has(id)));
    if (hits.size === 0) return [];
    return this.sorted.filter((c) => hits.has(c.id));
  }
}
