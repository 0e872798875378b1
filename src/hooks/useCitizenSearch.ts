import { useEffect, useMemo } from 'react';
import type { Citizen } from '../domain';
import { buildCitizenSearch } from './citizenSearch';
import { useCitizens } from './useCitizens';

/** How long after the list is shown the search index is built, if nobody has typed yet. */
const PREPARE_INDEX_AFTER_MS = 300;

/**
 * Instant search over the citizens on this device; re-indexes when they change. The list shows
 * first; the index is built shortly after (or at the first keystroke, whichever comes first).
 */
export function useCitizenSearch(query: string): Citizen[] | undefined {
  const citizens = useCitizens();
  const index = useMemo(() => (citizens ? buildCitizenSearch(citizens) : undefined), [citizens]);
  useEffect(() => {
    if (!index) return;
    const timer = setTimeout(index.prepare, PREPARE_INDEX_AFTER_MS);
    return () => clearTimeout(timer);
  }, [index]);
  return useMemo(() => index?.search(query), [index, query]);
}
