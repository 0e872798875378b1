import { foldText } from './foldText';

/** Folded words of a text (letters and digits, any script; see foldText). */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * Which owners (citizens) have a word starting with a prefix in their texts (notes): an inverted
 * index of word → owner → count, with the words kept sorted for a binary-searched prefix range.
 * No scoring — a note hit only has to lead to its citizen — so a keystroke costs a binary search
 * and a walk over the matching words, not a ranking of 50,000 notes.
 */
export class PrefixIndex {
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly entries = new Map<string, { owner: string; words: string[] }>();
  private sorted: string[] | null = null;

  put(id: string, owner: string, text: string): void {
    this.remove(id);
    const words = [...new Set(wordsOf(text))];
    this.entries.set(id, { owner, words });
    for (const word of words) {
      let owners = this.postings.get(word);
      if (!owners) {
        owners = new Map();
        this.postings.set(word, owners);
        this.sorted = null;
      }
      owners.set(owner, (owners.get(owner) ?? 0) + 1);
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const word of entry.words) {
      const owners = this.postings.get(word);
      const count = owners?.get(entry.owner) ?? 0;
      if (!owners) continue;
      if (count <= 1) owners.delete(entry.owner);
      else owners.set(entry.owner, count - 1);
      if (owners.size === 0) {
        this.postings.delete(word);
        this.sorted = null;
      }
    }
  }

  /**
   * Owners with a word starting with `prefix` (already lower-case). Stops once `into` holds
   * `cap` owners (everyone): a short prefix of common words need not visit every posting.
   */
  ownersWithPrefix(prefix: string, into = new Set<string>(), cap = Infinity): Set<string> {
    this.sorted ??= [...this.postings.keys()].sort();
    const words = this.sorted;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < words.length && (words[i] ?? '').startsWith(prefix); i++) {
      if (into.size >= cap) break;
      for (const owner of this.postings.get(words[i] ?? '')?.keys() ?? []) into.add(owner);
    }
    return into;
  }

  /** Owners with a word within `maxDistance` edits of `word` (typo tolerance, names only). */
  ownersNear(word: string, maxDistance: number): Set<string> {
    const found = new Set<string>();
    for (const [candidate, owners] of this.postings) {
      if (Math.abs(candidate.length - word.length) > maxDistance) continue;
      if (!withinDistance(word, candidate, maxDistance)) continue;
      for (const owner of owners.keys()) found.add(owner);
    }
    return found;
  }
}

/** Levenshtein distance ≤ max, stopping as soon as a row exceeds it. */
function withinDistance(a: string, b: string, max: number): boolean {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    previous = row;
  }
  return (previous[b.length] ?? max + 1) <= max;
}
