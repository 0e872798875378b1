import { createContext, useContext } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSession, type Session } from '../db/session';

export type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: Session };

/**
 * The signed-in caseworker, read live from db.meta: no network needed, and every tab sees a
 * login or logout at once. The shell reads it once and shares it through SessionContext.
 */
export function useSession(): SessionState {
  const result = useLiveQuery(async () => ({ session: await getSession() }), []);
  if (result === undefined) return { status: 'loading' };
  if (!result.session) return { status: 'signed-out' };
  return { status: 'signed-in', session: result.session };
}

/** Provided by the shell around the signed-in screens, so they have the session at first render. */
export const SessionContext = createContext<Session | undefined>(undefined);

/** The session on screens that only render when signed in (the shell guarantees it). */
export function useSignedInSession(): Session | undefined {
  return useContext(SessionContext);
}
