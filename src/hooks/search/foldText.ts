/**
 * Folds a text for searching, so spellings a Danish keyboard (or its absence) produce find each
 * other: lower case; æ → ae, ø → oe, å → aa (so "Soeren" finds "Søren" and "Aalborg" finds
 * "Ålborg", and back); accents and other combining marks dropped (é → e, ü → u). After the
 * decomposition å is a + ring, so that pair becomes "aa" before the marks go; æ and ø do not
 * decompose, but letters built on them do (ǣ → æ + macron, ǿ → ø + acute), so they are mapped
 * after it too.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/a\u030A/g, 'aa')
    .replace(/[æø]/g, (ch) => DANISH[ch] ?? ch)
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss');
}

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe' };
