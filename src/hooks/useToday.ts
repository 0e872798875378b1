import { useEffect, useState } from 'react';
import { localDate } from '../i18n/format';

const CHECK_EVERY_MS = 60_000;

/** Today's local date "YYYY-MM-DD", updated when midnight passes while the app is open. */
export function useToday(): string {
  const [today, setToday] = useState(() => localDate());
  useEffect(() => {
    const id = setInterval(() => setToday(localDate()), CHECK_EVERY_MS);
    return () => clearInterval(id);
  }, []);
  return today;
}
