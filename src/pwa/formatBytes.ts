import type { Locale } from '../stores/localeStore';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
/** Decimal units (1 MB = 1,000,000 bytes), as browsers and operating systems show disk space. */
const STEP = 1000;

/** "12 MB", "1,5 GB" (Danish decimal comma) or "1.5 GB". */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= STEP && unit < UNITS.length - 1) {
    value /= STEP;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${UNITS[unit]}`;
}
