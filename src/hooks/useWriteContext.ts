import { useEffect, useMemo, useState } from 'react';
import { getDeviceId } from '../db/meta';
import type { WriteContext } from '../db/writeContext';
import { useSignedInSession } from './useSession';

/**
 * Who writes and from which device: the session's user and team plus this device's id.
 * Undefined until both are known (a few milliseconds after start); screens disable saving until then.
 */
export function useWriteContext(): WriteContext | undefined {
  const session = useSignedInSession();
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  useEffect(() => {
    let active = true;
    getDeviceId().then(
      (id) => {
        if (active) setDeviceId(id);
      },
      (error: unknown) => console.error('Could not read the device id', error),
    );
    return () => {
      active = false;
    };
  }, [session?.user.id]);
  // A user with no team yet writes nothing (the app shows them the no-team screen instead).
  if (!session || !deviceId || !session.user.teamId) return undefined;
  return { userId: session.user.id, teamId: session.user.teamId, deviceId };
}

/**
 * A getter for the write context at the moment of writing, so a tap right after a screen opened
 * never fails while the device id is still being read. Undefined when nobody is signed in.
 */
export function useResolveWriteContext(): (() => Promise<WriteContext>) | undefined {
  const session = useSignedInSession();
  const userId = session?.user.id;
  const teamId = session?.user.teamId;
  return useMemo(() => {
    if (!userId || !teamId) return undefined;
    return async () => ({ userId, teamId, deviceId: await getDeviceId() });
  }, [userId, teamId]);
}
