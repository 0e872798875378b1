import { describe, expect, it } from 'vitest';
import { cprBirthDate, isValidCpr, maskCpr, parseCpr } from '../../../src/domain/cpr';

describe('CPR numbers', () => {
  it('accepts a real date with any serial, since modulus 11 is not required after 2007', () => {
    expect(parseCpr('010190-1234')).toEqual({ ok: true, value: '010190-1234' });
    // 010190-1235 fails modulus 11 but is a valid post-2007 number.
    expect(isValidCpr('010190-1235')).toBe(true);
  });

  it('normalizes numbers typed without the dash or with spaces', () => {
    expect(parseCpr('0101901234')).toEqual({ ok: true, value: '010190-1234' });
    expect(parseCpr(' 010190 1234 ')).toEqual({ ok: true, value: '010190-1234' });
  });

  it('refuses impossible dates and wrong shapes with distinct codes', () => {
    expect(parseCpr('310290-1234')).toEqual({ ok: false, error: 'cpr-date' });
    expect(parseCpr('011390-1234')).toEqual({ ok: false, error: 'cpr-date' });
    expect(parseCpr('000190-1234')).toEqual({ ok: false, error: 'cpr-date' });
    expect(parseCpr('01019-1234')).toEqual({ ok: false, error: 'cpr-format' });
    expect(parseCpr('abcdef-ghij')).toEqual({ ok: false, error: 'cpr-format' });
  });

  it('knows 29 February only in leap years, using the century from the 7th digit', () => {
    // 7th digit 4 and year 00 → 2000, a leap year.
    expect(isValidCpr('290200-4123')).toBe(true);
    // 7th digit 0 and year 00 → 1900, not a leap year.
    expect(isValidCpr('290200-0123')).toBe(false);
    expect(cprBirthDate('290200-4123')).toBe('2000-02-29');
    expect(cprBirthDate('010158-5123')).toBe('1858-01-01');
  });

  it('masks the serial by default', () => {
    expect(maskCpr('010190-1234')).toBe('010190-XXXX');
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
  });
});
