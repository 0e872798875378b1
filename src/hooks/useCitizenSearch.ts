import { useMemo } from 'react';
import type { Citizen } from '../domain';
import { buildCitizenSearch } from './citizenSearch';
import { useCitizens } from './useCitizens';

/** Instant search over the citizens on this device; re-indexes when they change. */
export function useCitizenSearch(query: string): Citizen[] | undefined {
  const citizens = useCitizens();
  const index = useMemo(() => (citizens ? buildCitizenSearch(citizens) : undefined), [citizens]);
  return useMemo(() => index?.search(query), [index, query]);
}
