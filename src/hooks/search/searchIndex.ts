import MiniSearch from 'minisearch';
import { citizenDisplayName, type Citizen, type Note } from '../../domain';
import {
  citizenDoc,
  citizenDocId,
  noteDoc,
  noteDocId,
  normalizeQuery,
  type SearchDoc,
} from './searchDocs';

/** Note text is searched from this many characters on: shorter prefixes match too much text. */
const NOTE_MIN_TERM = 3;

const byName = (a: Citizen, b: Citizen) =>
  citizenDisplayName(a).localeCompare(citizenDisplayName(b), 'da');

/**
 * The in-memory search over the unlocked store: citizens by name, alias (prefix, and fuzzy for
 * longer words), CPR and phone digits (prefix), and note text (prefix) leading to the note's
 * citizen. Kept up to date record by record; decrypted data, so it is dropped at lock.
 * A keystroke costs one or two MiniSearch lookups and a map lookup per hit.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    fields: ['names', 'digits', 'text'],
    storeFields: ['citizenId'],
    idField: 'id',
  });
  private readonly citizens = new Map<string, Citizen>();
  private sorted: Citizen[] | null = null;

  private put(doc: SearchDoc): void {
    if (this.mini.has(doc.id)) this.mini.replace(doc);
    else this.mini.add(doc);
  }

  putCitizens(list: readonly Citizen[]): void {
    for (const c of list) {
      this.citizens.set(c.id, c);
      this.put(citizenDoc(c));
    }
    this.sorted = null;
  }

  putNotes(list: readonly Note[]): void {
    for (const n of list) this.put(noteDoc(n));
  }

  removeCitizen(id: string): void {
    this.citizens.delete(id);
    if (this.mini.has(citizenDocId(id))) this.mini.discard(citizenDocId(id));
    this.sorted = null;
  }

  removeNote(id: string): void {
    if (this.mini.has(noteDocId(id))) this.mini.discard(noteDocId(id));
  }

  get citizenCount(): number {
    return this.citizens.size;
  }

  /** Citizens matching every word of the query (empty query: everyone, alphabetically). */
  search(query: string): Citizen[] {
    const q = normalizeQuery(query);
    if (q === '') {
      this.sorted ??= [...this.citizens.values()].sort(byName);
      return this.sorted;
    }
    const ids = new Set<string>();
    const byCitizen = this.mini.search(q, {
      fields: ['names', 'digits'],
      prefix: true,
      fuzzy: (term) => (/^\d+$/.test(term) || term.length < 3 ? false : 0.2),
      combineWith: 'AND',
    });
    for (const hit of byCitizen) ids.add(String(hit.citizenId));
    if (q.length >= NOTE_MIN_TERM && !/^\d+$/.test(q)) {
      const byNote = this.mini.search(q, { fields: ['text'], prefix: true, combineWith: 'AND' });
      for (const hit of byNote) ids.add(String(hit.citizenId));
    }
    const found: Citizen[] = [];
    for (const id of ids) {
      const citizen = this.citizens.get(id);
      if (citizen) found.push(citizen);
    }
    return found;
  }
}
