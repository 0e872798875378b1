import { useSyncExternalStore } from 'react';
import { storageAlerts, storageStatus, updateState } from '../../pwa';

export function useUpdateState() {
  return useSyncExternalStore(updateState.subscribe, updateState.get);
}

export function useStorageStatus() {
  return useSyncExternalStore(storageStatus.subscribe, storageStatus.get);
}

export function useStorageAlerts() {
  return useSyncExternalStore(storageAlerts.subscribe, storageAlerts.get);
}
