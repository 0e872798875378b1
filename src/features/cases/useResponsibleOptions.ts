import { useSignedInSession } from '../../hooks/useSession';
import { useTeamMembers } from '../../hooks/useTeamMembers';

/**
 * Caseworkers a case, follow-up or schedule slot can be given to: the signed-in user first, then
 * the rest of the team (from the directory the sync engine keeps), then any user ids already on
 * records that the directory does not know (shown by id, so a current value is never lost).
 */
export function useResponsibleOptions(knownIds: readonly string[] = []) {
  const me = useSignedInSession()?.user;
  const members = useTeamMembers();
  const options: { value: string; label: string }[] = me ? [{ value: me.id, label: me.name }] : [];
  const seen = new Set(options.map((o) => o.value));
  for (const m of members) {
    if (!seen.has(m.id)) options.push({ value: m.id, label: m.name });
    seen.add(m.id);
  }
  for (const id of knownIds) {
    if (!seen.has(id)) options.push({ value: id, label: id });
    seen.add(id);
  }
  return { options, defaultId: me?.id ?? '' };
}
