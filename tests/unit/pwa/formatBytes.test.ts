import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/pwa/formatBytes';

describe('formatBytes', () => {
  it('shows space the way a Danish user reads it, with a decimal comma', () => {
    expect(formatBytes(12_000_000, 'da')).toBe('12 MB');
    expect(formatBytes(2_000_000_000, 'da')).toBe('2 GB');
    expect(formatBytes(1_500_000_000, 'da')).toBe('1,5 GB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
  });

  it('keeps small and empty amounts readable', () => {
    expect(formatBytes(0, 'da')).toBe('0 B');
    expect(formatBytes(999, 'da')).toBe('999 B');
    expect(formatBytes(250_400, 'da')).toBe('250 kB');
  });
});
