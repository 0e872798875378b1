import Dexie from 'dexie';
import { FremskudtDb, db, setCurrentDb, userDbName } from '../database';
import { deleteProfile, type LocalProfile } from './profiles';
import { createSealer } from './sealer';

/** Why the store is locked, for the unlock screen to say. */
export type LockReason =
  | 'start'
  | 'manual'
  | 'idle'
  | 'other-tab'
  | 'revoked'
  | 'signed-out'
  /** Ten wrong PINs: the user's data on this device was deleted. */
  | 'pin-wiped';

export type VaultState =
  | { status: 'locked'; reason: LockReason }
  /** `key`: the non-extractable data key, in memory only while unlocked (shared with new tabs). */
  | { status: 'unlocked'; profile: LocalProfile; key: CryptoKey };

let state: VaultState = { status: 'locked', reason: 'start' };
const listeners = new Set<() => void>();
/** Called on lock by other modules (search index, caches) to drop what they decrypted. */
const onLockHandlers = new Set<() => void>();

function setState(next: VaultState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}

export const vaultState = {
  get: (): VaultState => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Registers something to forget at every lock (e.g. the search index). */
export function onLock(handler: () => void): () => void {
  onLockHandlers.add(handler);
  return () => onLockHandlers.delete(handler);
}

/**
 * Opens the profile's store with its data key and makes it the app's database. The same user's
 * store stays open when it already is (a re-login must not pull it from under the sync engine).
 */
export async function openStore(profile: LocalProfile, dataKey: CryptoKey): Promise<void> {
  const current = state.status === 'unlocked' && db.name === userDbName(profile.userId);
  if (!current) {
    const next = new FremskudtDb(userDbName(profile.userId), createSealer(dataKey));
    await next.open();
    // The profile's device id, in clear (it says nothing about anyone): mutations carry it.
    await next.meta.put({ key: 'deviceId', value: profile.deviceId });
    setCurrentDb(next);
  }
  setState({ status: 'unlocked', profile, key: dataKey });
}

/** The profile shown while unlocked changed (settings, re-wrapped keys); the store stays open. */
export function profileChanged(profile: LocalProfile): void {
  if (state.status === 'unlocked' && state.profile.userId === profile.userId) {
    setState({ ...state, profile });
  }
}

/**
 * Locks: the data key (inside the database's sealer) and everything decrypted are dropped; the
 * outbox stays as it is on disk, sealed. Idempotent.
 */
export function lockStore(reason: LockReason): void {
  if (state.status === 'locked') return;
  setCurrentDb(null);
  for (const handler of [...onLockHandlers]) handler();
  setState({ status: 'locked', reason });
}

/**
 * Deletes one user's store and profile from this device (logout, revoked device). Locks first
 * when it is the open one. Unsent changes are lost: callers check before (logout) or are told
 * by the server that the device may no longer hold them (revoked).
 */
export async function wipeUser(userId: string, reason: LockReason): Promise<void> {
  if (state.status === 'unlocked' && state.profile.userId === userId) lockStore(reason);
  await Dexie.delete(userDbName(userId));
  await deleteProfile(userId);
  if (state.status === 'locked') setState({ status: 'locked', reason });
}
