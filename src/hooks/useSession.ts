import { useLiveQuery } from 'dexie-react-hooks';
import { getSession, type Session } from '../db/session';

export type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: Session };

/**
 * The signed-in caseworker, read live from db.meta: no network needed, and every tab sees a
 * login or logout at once.
 */
export function useSession(): SessionState {
  const result = useLiveQuery(async () => ({ session: await getSession() }), []);
  if (result === undefined) return { status: 'loading' };
  if (!result.session) return { status: 'signed-out' };
  return { status: 'signed-in', session: result.session };
}

/** The session on screens that only render when signed in (the shell guarantees it). */
export function useSignedInSession(): Session | undefined {
  const state = useSession();
  return state.status === 'signed-in' ? state.session : undefined;
}
