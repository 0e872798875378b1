import {
  DEFAULT_AUTO_LOCK_MINUTES,
  createKeys,
  getProfile,
  openStore,
  profileByUsername,
  reopenKeys,
  saveProfile,
  setSession,
  wipeUser,
  type LocalProfile,
} from '../db';
import { newId } from '../domain';
import { ApiError, createApiClient, type ApiClient } from './apiClient';

/**
 * The online login (needs the network): the server checks the password; then the user's local
 * store is opened — created with a new data key at the first login on this device, or the
 * existing one re-opened (the same store, also after a password change thanks to the server's
 * device secret). Sends the profile's device id so the session is bound to this device.
 * A revoked device (403 device-revoked) deletes that user's store here and rethrows.
 * Throws ApiError for the screen to explain (unauthorized, network, …) or DbError.
 */
export async function signIn(
  username: string,
  password: string,
  api: ApiClient = createApiClient(),
): Promise<LocalProfile> {
  const known = await profileByUsername(username);
  const deviceId = known?.deviceId ?? newId();
  let response;
  try {
    response = await api.login(username, password, deviceId);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'device-revoked' && known) {
      await wipeUser(known.userId, 'revoked');
    }
    throw error;
  }
  const existing = await getProfile(response.user.id);
  const keys = existing
    ? await reopenKeys(existing, password, response.deviceSecret)
    : await createKeys(password, response.deviceSecret);
  const profile: LocalProfile = {
    userId: response.user.id,
    username: response.user.username,
    displayName: response.user.name,
    deviceId: existing?.deviceId ?? response.deviceId ?? deviceId,
    autoLockMinutes: existing?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
    ...keys.fields,
  };
  await saveProfile(profile);
  await openStore(profile, keys.dataKey);
  await setSession({
    token: response.token,
    user: response.user,
    expiresAt: response.expiresAt,
  });
  return profile;
}
