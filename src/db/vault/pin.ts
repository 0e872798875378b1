import Dexie from 'dexie';
import { userDbName } from '../database';
import { getProfile, saveProfile, type LocalProfile } from './profiles';

/** Wrong PINs in a row after which the device's data for that user is deleted. */
export const PIN_MAX_ATTEMPTS = 10;
/** From this many wrong PINs the unlock screen says how many are left and what would be lost. */
export const PIN_WARN_FROM = 7;
export const PIN_MIN_DIGITS = 6;
export const PASSPHRASE_MIN_LENGTH = 8;

export type PinProblem = 'too-short' | 'mismatch';

/**
 * A device PIN is six or more digits, or a passphrase of eight or more characters: the PIN only
 * guards the data key on this one device (behind a slow key derivation and the wipe after ten
 * wrong tries), the municipality's login guards the account.
 */
export function pinProblem(pin: string, repeated: string): PinProblem | null {
  const digitsOnly = /^\d+$/.test(pin);
  const long = digitsOnly ? pin.length >= PIN_MIN_DIGITS : pin.length >= PASSPHRASE_MIN_LENGTH;
  if (!long) return 'too-short';
  if (pin !== repeated) return 'mismatch';
  return null;
}

/** How many tries are left after `failures` wrong PINs. */
export const attemptsLeft = (failures: number) => Math.max(0, PIN_MAX_ATTEMPTS - failures);

/** Notes a wrong PIN; returns the count of wrong PINs in a row now. */
export async function recordWrongPin(userId: string): Promise<number> {
  const profile = await getProfile(userId);
  if (!profile) return PIN_MAX_ATTEMPTS;
  const failures = (profile.failedUnlocks ?? 0) + 1;
  await saveProfile({ ...profile, failedUnlocks: failures });
  return failures;
}

export async function clearWrongPins(profile: LocalProfile): Promise<void> {
  if ((profile.failedUnlocks ?? 0) === 0) return;
  await saveProfile({ ...profile, failedUnlocks: 0 });
}

/**
 * Changes not yet sent, counted while the store is locked: the outbox's rows are sealed but their
 * state is in clear, so counting needs no key. 0 when the user has no store on this device.
 */
export async function countUnsentWhileLocked(userId: string): Promise<number> {
  const name = userDbName(userId);
  if (!(await Dexie.exists(name))) return 0;
  const store = new Dexie(name);
  try {
    await store.open();
    if (!store.tables.some((t) => t.name === 'outbox')) return 0;
    return await store.table('outbox').where('state').equals('pending').count();
  } finally {
    store.close();
  }
}
