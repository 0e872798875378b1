import { useCallback } from 'react';
import { useSignedInSession } from './useSession';
import { useTeamMembers } from './useTeamMembers';

/**
 * A lookup from user id to name (`const userName = useUserName(); userName(note.createdBy)`): the
 * team directory (from the server, stored for offline use), the signed-in user's own profile, and
 * otherwise the id itself — a former colleague or a directory not fetched yet must still show
 * something rather than nothing. One hook for every screen: a list calls it once, not per row.
 */
export function useUserName(): (userId: string) => string {
  const members = useTeamMembers();
  const me = useSignedInSession()?.user;
  return useCallback(
    (userId: string) =>
      members.find((m) => m.id === userId)?.name ?? (me?.id === userId ? me.name : userId),
    [members, me],
  );
}
