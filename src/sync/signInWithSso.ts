import {
  DEFAULT_AUTO_LOCK_MINUTES,
  createKeys,
  getProfile,
  listProfiles,
  openStore,
  openWithDeviceSecret,
  reopenKeys,
  saveProfile,
  setSession,
  type LocalProfile,
  type OpenedKeys,
} from '../db';
import { newId } from '../domain';
import type { LoginResponse } from '../protocol';
import { createApiClient, type ApiClient } from './apiClient';

export { NEW_PIN_FLAG } from './ssoFlags';

/**
 * Collects the session of a finished single sign-on. Names this device's id of every profile on
 * it, so the server binds the session to the same device and hands out the same device secret.
 */
export async function collectSsoLogin(api: ApiClient = createApiClient()): Promise<LoginResponse> {
  const profiles = await listProfiles();
  return api.oidcExchange(profiles.map((p) => ({ userId: p.userId, deviceId: p.deviceId })));
}

export type SsoOutcome =
  /** The store is open and the session saved: the app shows the caseworker's day. */
  | { kind: 'signed-in' }
  /** First SSO login on this device, or a forgotten PIN: a PIN must be chosen to go on. */
  | { kind: 'needs-pin' };

async function finish(
  response: LoginResponse,
  existing: LocalProfile | undefined,
  keys: OpenedKeys,
  unlockKind: LocalProfile['unlockKind'],
): Promise<void> {
  const profile: LocalProfile = {
    userId: response.user.id,
    username: response.user.username,
    displayName: response.user.name,
    deviceId: existing?.deviceId ?? response.deviceId ?? newId(),
    autoLockMinutes: existing?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
    failedUnlocks: 0,
    ...keys.fields,
    ...(unlockKind ? { unlockKind } : {}),
  };
  await saveProfile(profile);
  await openStore(profile, keys.dataKey);
  await setSession({ token: response.token, user: response.user, expiresAt: response.expiresAt });
}

/**
 * After the exchange: a profile already on this device opens with the device secret (the server
 * handed it out only because the provider's login succeeded), no PIN asked. A new profile, or one
 * whose PIN was forgotten, needs a PIN first (setPinAndSignIn).
 */
export async function completeSso(
  response: LoginResponse,
  forgotPin: boolean,
): Promise<SsoOutcome> {
  const existing = await getProfile(response.user.id);
  if (!existing || forgotPin || !existing.bySecret) return { kind: 'needs-pin' };
  const keys = await openWithDeviceSecret(existing, response.deviceSecret);
  await finish(response, existing, keys, existing.unlockKind);
  return { kind: 'signed-in' };
}

/**
 * Wraps the data key with the chosen PIN (PBKDF2, as a password) and with the device secret:
 * a new random key at the first login on this device; after a forgotten PIN the existing key,
 * opened with the device secret, so nothing on the device is lost.
 */
export async function setPinAndSignIn(response: LoginResponse, pin: string): Promise<void> {
  const existing = await getProfile(response.user.id);
  const keys = existing
    ? await reopenKeys(existing, pin, response.deviceSecret)
    : await createKeys(pin, response.deviceSecret);
  await finish(response, existing, keys, 'pin');
}
