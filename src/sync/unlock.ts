import { DbError } from '../db/errors';
import { unlockWithPassword } from '../db/vault/keyring';
import {
  PIN_MAX_ATTEMPTS,
  attemptsLeft,
  clearWrongPins,
  countUnsentWhileLocked,
  recordWrongPin,
} from '../db/vault/pin';
import { getProfile } from '../db/vault/profiles';
import { openStore, wipeUser } from '../db/vault/vault';

/**
 * A wrong device PIN: how many tries are left before the user's data on this device is deleted,
 * and how many changes not yet sent would go with it (the unlock screen warns with both).
 */
export class WrongPinError extends DbError {
  constructor(
    readonly remaining: number,
    readonly unsent: number,
  ) {
    super('wrong-password', 'The PIN does not open this profile');
  }
}

/** Ten wrong PINs: the user's store and profile on this device are gone. */
export class PinWipedError extends DbError {
  constructor(readonly unsent: number) {
    super('key-unavailable', 'Too many wrong PINs: the data on this device was deleted');
  }
}

/**
 * Offline unlock of a profile on this device with its password or device PIN: derive, unwrap,
 * open. A wrong one throws DbError('wrong-password') and opens nothing. Needs no network.
 * A PIN is short, so wrong PINs are counted: the tenth in a row deletes the user's data on this
 * device (what was sent is on the server; a new SSO login brings it back).
 */
export async function unlock(userId: string, secret: string): Promise<void> {
  const profile = await getProfile(userId);
  if (!profile) throw new DbError('not-found', 'No such profile on this device');
  let key: CryptoKey;
  try {
    key = await unlockWithPassword(profile, secret);
  } catch (error) {
    if (profile.unlockKind !== 'pin' || !(error instanceof DbError)) throw error;
    if (error.code !== 'wrong-password') throw error;
    const failures = await recordWrongPin(userId);
    const unsent = await countUnsentWhileLocked(userId);
    if (failures >= PIN_MAX_ATTEMPTS) {
      await wipeUser(userId, 'pin-wiped');
      throw new PinWipedError(unsent);
    }
    throw new WrongPinError(attemptsLeft(failures), unsent);
  }
  await clearWrongPins(profile);
  await openStore({ ...profile, failedUnlocks: 0 }, key);
}
