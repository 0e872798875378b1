import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listProfiles, type LocalProfile } from '../db/vault/profiles';
import { vaultState, type VaultState } from '../db/vault/vault';

/** Locked or unlocked (and whose store), live; every tab follows a lock in any tab. */
export function useVaultState(): VaultState {
  return useSyncExternalStore(vaultState.subscribe, vaultState.get);
}

/** The profiles on this device (clear registry: names only); undefined while loading. */
export function useProfiles(): LocalProfile[] | undefined {
  return useLiveQuery(() => listProfiles(), []);
}
