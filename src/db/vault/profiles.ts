import Dexie, { type Table } from 'dexie';
import type { WrappedKey } from './webCrypto';

/**
 * A user known on this device. Kept in the small clear registry database: nothing about any
 * citizen, no password or hash of it, only the data key wrapped by keys derived from secrets.
 */
export interface LocalProfile {
  userId: string;
  username: string;
  displayName: string;
  /** This device's id for this user; sent at login so the server can bind (and revoke) it. */
  deviceId: string;
  kdf: { algorithm: 'PBKDF2-SHA-256'; iterations: number; salt: Uint8Array<ArrayBuffer> };
  /** The data key wrapped by the password-derived key. */
  byPassword: WrappedKey;
  /** The data key wrapped by a key derived from the server's device secret, when it gave one. */
  bySecret?: WrappedKey & { salt: Uint8Array<ArrayBuffer> };
  /**
   * What the caseworker types to unlock offline: the account password, or (single sign-on, where
   * the device never sees a password) a device PIN or passphrase wrapping the same data key.
   * Absent: a password (profiles older than single sign-on).
   */
  unlockKind?: 'password' | 'pin';
  /** Wrong PINs in a row; at PIN_MAX_ATTEMPTS the user's data on this device is deleted. */
  failedUnlocks?: number;
  /** Lock after this many minutes without input (Indstillinger). */
  autoLockMinutes: number;
  createdAt: string;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const PROFILES_DB_NAME = 'fremskudt-profiles';

class ProfilesDb extends Dexie {
  profiles!: Table<LocalProfile, string>;
  constructor() {
    super(PROFILES_DB_NAME);
    this.version(1).stores({ profiles: 'userId, &username' });
  }
}

const registry = new ProfilesDb();

/** Every profile on this device, by display name. Works locked and offline. */
export async function listProfiles(): Promise<LocalProfile[]> {
  const all = await registry.profiles.toArray();
  return all.sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
}

export const getProfile = (userId: string) => registry.profiles.get(userId);

export const profileByUsername = (username: string) =>
  registry.profiles.where('username').equals(username).first();

export async function saveProfile(profile: LocalProfile): Promise<void> {
  await registry.transaction('rw', registry.profiles, async () => {
    // A username moved to another user id (re-created account): the old entry is stale.
    await registry.profiles
      .where('username')
      .equals(profile.username)
      .and((p) => p.userId !== profile.userId)
      .delete();
    await registry.profiles.put(profile);
  });
}

export async function setAutoLockMinutes(userId: string, minutes: number): Promise<void> {
  await registry.profiles.update(userId, { autoLockMinutes: minutes });
}

export async function deleteProfile(userId: string): Promise<void> {
  await registry.profiles.delete(userId);
}
