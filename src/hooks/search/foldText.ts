/**
 * Folds a text for searching, so spellings a Danish keyboard (or its absence) produce find each
 * other: lower case; æ → ae, ø → oe, å → aa (so "Soeren" finds "Søren" and "Aalborg" finds
 * "Ålborg", and back); accents and other combining marks dropped (é → e, ü → u). Done before the
 * decomposition: NFD would turn å into a + ring and the ring would be dropped as an accent.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøå]/g, (ch) => DANISH[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss');
}

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };
