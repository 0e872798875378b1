import { DbError } from '../errors';
import type { LocalProfile } from './profiles';
import {
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  generateDataKey,
  passwordKek,
  randomBytes,
  secretKek,
  unwrapDataKey,
  wrapDataKey,
} from './webCrypto';

type KeyFields = Pick<LocalProfile, 'kdf' | 'byPassword' | 'bySecret'>;

export interface OpenedKeys {
  /** The data key for this session: non-extractable, in memory only. */
  dataKey: CryptoKey;
  /** The profile's key fields to store (re-wrapped when the password or secret changed). */
  fields: KeyFields;
}

async function wrapBySecret(
  extractable: CryptoKey,
  deviceSecret: string,
): Promise<NonNullable<KeyFields['bySecret']>> {
  const salt = randomBytes(SALT_BYTES);
  return { ...(await wrapDataKey(extractable, await secretKek(deviceSecret, salt))), salt };
}

/** Wraps with a new salt; returns the password's key-encryption key too (PBKDF2 runs once). */
async function wrapFields(
  extractable: CryptoKey,
  password: string,
  deviceSecret: string | undefined,
  iterations: number,
): Promise<{ fields: KeyFields; kek: CryptoKey }> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await passwordKek(password, salt, iterations);
  const fields: KeyFields = {
    kdf: { algorithm: 'PBKDF2-SHA-256', iterations, salt },
    byPassword: await wrapDataKey(extractable, kek),
  };
  if (deviceSecret) fields.bySecret = await wrapBySecret(extractable, deviceSecret);
  return { fields, kek };
}

/** First online login of a user on this device: a new random data key, wrapped. */
export async function createKeys(
  password: string,
  deviceSecret?: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<OpenedKeys> {
  const { fields, kek } = await wrapFields(
    await generateDataKey(),
    password,
    deviceSecret,
    iterations,
  );
  return { dataKey: await unwrapDataKey(fields.byPassword, kek), fields };
}

/**
 * Offline unlock: derive from the typed password and unwrap. A wrong password fails the AES-GCM
 * tag: DbError('wrong-password'), nothing opened.
 */
export async function unlockWithPassword(profile: KeyFields, password: string): Promise<CryptoKey> {
  const kek = await passwordKek(password, profile.kdf.salt, profile.kdf.iterations);
  try {
    return await unwrapDataKey(profile.byPassword, kek);
  } catch {
    throw new DbError('wrong-password', 'The password does not open this profile');
  }
}

async function tryUnwrap(
  wrapped: KeyFields['byPassword'],
  kek: CryptoKey,
  extractable: boolean,
): Promise<CryptoKey | null> {
  try {
    return await unwrapDataKey(wrapped, kek, extractable);
  } catch {
    return null;
  }
}

/**
 * An online login of a known profile (the server accepted the password): opens the existing key
 * with the password and re-wraps it with the server's current device secret; after a password
 * change, opens it with the device secret and wraps it with the new password. Fails with
 * DbError('key-unavailable') when neither opens it (password changed, no device secret).
 */
export async function reopenKeys(
  profile: KeyFields,
  password: string,
  deviceSecret: string | undefined,
): Promise<OpenedKeys> {
  const kek = await passwordKek(password, profile.kdf.salt, profile.kdf.iterations);
  const byPassword = await tryUnwrap(profile.byPassword, kek, true);
  if (byPassword) {
    const fields: KeyFields = { ...profile };
    if (deviceSecret) fields.bySecret = await wrapBySecret(byPassword, deviceSecret);
    return { dataKey: await unwrapDataKey(profile.byPassword, kek), fields };
  }
  const bySecret =
    deviceSecret && profile.bySecret
      ? await tryUnwrap(
          profile.bySecret,
          await secretKek(deviceSecret, profile.bySecret.salt),
          true,
        )
      : null;
  if (!bySecret) {
    throw new DbError(
      'key-unavailable',
      'Neither the password nor the device secret opens the store',
    );
  }
  const rewrapped = await wrapFields(bySecret, password, deviceSecret, profile.kdf.iterations);
  return {
    dataKey: await unwrapDataKey(rewrapped.fields.byPassword, rewrapped.kek),
    fields: rewrapped.fields,
  };
}

/**
 * An online single sign-on of a known profile: the device never sees a password, so the store is
 * opened with the server's device secret (handed out only after the provider's login); the key
 * fields stay as they are.
 */
export async function openWithDeviceSecret(
  profile: KeyFields,
  deviceSecret: string | undefined,
): Promise<OpenedKeys> {
  const dataKey =
    deviceSecret && profile.bySecret
      ? await tryUnwrap(
          profile.bySecret,
          await secretKek(deviceSecret, profile.bySecret.salt),
          false,
        )
      : null;
  if (!dataKey) {
    throw new DbError('key-unavailable', 'The device secret does not open the store');
  }
  return {
    dataKey,
    fields: {
      kdf: profile.kdf,
      byPassword: profile.byPassword,
      ...(profile.bySecret ? { bySecret: profile.bySecret } : {}),
    },
  };
}
