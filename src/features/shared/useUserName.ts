import { useUserNames } from '../../hooks/useUserName';

/**
 * A caseworker's name: from the team directory the sync engine keeps, the signed-in user's
 * profile, or the user id as a last resort. Kept as the features' entry point.
 */
export function useUserName(): (userId: string) => string {
  return useUserNames();
}
