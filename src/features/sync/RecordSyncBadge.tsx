/**
 * PLACEHOLDER by the UI engineer so the screens compile: the sync engineer owns this file and
 * replaces it with the real badge ("Kun på denne enhed" / "Gemt på serveren").
 */
export function RecordSyncBadge(_props: { recordId: string }) {
  return null;
}
