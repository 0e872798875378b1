import { useSignedInSession } from '../../hooks/useSession';

/**
 * A caseworker's name. The device only knows the signed-in user's profile; others are shown by
 * their user id until the server sends a team directory.
 */
export function useUserName(): (userId: string) => string {
  const session = useSignedInSession();
  return (userId) => (session && session.user.id === userId ? session.user.name : userId);
}
