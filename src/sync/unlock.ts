import { DbError } from '../db/errors';
import { unlockWithPassword } from '../db/vault/keyring';
import { getProfile } from '../db/vault/profiles';
import { openStore } from '../db/vault/vault';

/**
 * Offline unlock of a profile on this device with its password: derive, unwrap, open. A wrong
 * password throws DbError('wrong-password') and opens nothing. Needs no network.
 */
export async function unlock(userId: string, password: string): Promise<void> {
  const profile = await getProfile(userId);
  if (!profile) throw new DbError('not-found', 'No such profile on this device');
  const key = await unlockWithPassword(profile, password);
  await openStore(profile, key);
}
