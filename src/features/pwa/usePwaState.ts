import { useSyncExternalStore } from 'react';
import { offlineReadiness, storageAlerts, storageStatus, updateState } from '../../pwa';

export function useUpdateState() {
  return useSyncExternalStore(updateState.subscribe, updateState.get);
}

export function useStorageStatus() {
  return useSyncExternalStore(storageStatus.subscribe, storageStatus.get);
}

export function useStorageAlerts() {
  return useSyncExternalStore(storageAlerts.subscribe, storageAlerts.get);
}

export function useOfflineReadiness() {
  return useSyncExternalStore(offlineReadiness.subscribe, offlineReadiness.get);
}
