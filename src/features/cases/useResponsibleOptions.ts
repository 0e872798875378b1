import { useSignedInSession } from '../../hooks/useSession';

/**
 * Caseworkers a case or follow-up can be given to. The device knows only the signed-in user's
 * profile, plus any user ids already on records (shown by id).
 */
export function useResponsibleOptions(knownIds: readonly string[] = []) {
  const session = useSignedInSession();
  const me = session?.user;
  const options = me ? [{ value: me.id, label: me.name }] : [];
  for (const id of new Set(knownIds)) if (id !== me?.id) options.push({ value: id, label: id });
  return { options, defaultId: me?.id ?? '' };
}
