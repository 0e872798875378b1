/**
 * PLACEHOLDER by the UI engineer so the shell compiles: the sync engineer owns this file and
 * replaces it with the real sync indicator (online/offline, pending count, last sync).
 */
export function SyncIndicator() {
  return null;
}
