import { describe, expect, it } from 'vitest';
import { containsPattern, identifyingTokens } from '../../src/server/retention/searchTerms';

describe('the tokens an erasure clears search terms by', () => {
  it('takes the words of 3 or more characters and the CPR and phone digits, lower-cased', () => {
    const tokens = identifyingTokens({
      id: 'c1',
      version: 1,
      firstName: 'Bo',
      lastName: 'Østergaard-Lund',
      alias: 'Lundi',
      cpr: '010190-1234',
      phone: '+45 21 43 65 87',
    });
    // "Bo" is too short; "lundi" contains "lund" and the whole CPR its parts, so they add nothing.
    expect(tokens).toEqual(['010190', '1234', '21436587', 'lund', 'østergaard']);
  });

  it('finds nothing to clear by for a citizen with no identifying value of 3 characters', () => {
    expect(identifyingTokens({ id: 'c2', version: 1, firstName: 'Al', phone: '' })).toEqual([]);
  });

  it('matches % _ and \\ in a token literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
