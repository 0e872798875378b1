import { profileChanged, setAutoLockMinutes, type LocalProfile } from '../db';

/** Stores the profile's auto-lock minutes (clear registry; not personal) and applies them now. */
export async function saveAutoLockMinutes(profile: LocalProfile, minutes: number): Promise<void> {
  await setAutoLockMinutes(profile.userId, minutes);
  profileChanged({ ...profile, autoLockMinutes: minutes });
}
