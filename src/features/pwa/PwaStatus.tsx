import { OfflineReadinessNotice } from './OfflineReadiness';
import { StorageAlert } from './StorageAlert';
import { StorageWarning } from './StorageSummary';
import { UpdatePrompt } from './UpdatePrompt';

/**
 * The PWA part of the header on every screen, shown only when there is something to act on: the
 * app being made ready for use offline (first visit), the update prompt ("Ny version klar —
 * genindlæs"), the storage-full alert and the nearly-full warning. The space used is in the sync
 * details and in Settings.
 */
export function PwaStatus() {
  return (
    <div className="pwa-status">
      <OfflineReadinessNotice />
      <UpdatePrompt />
      <StorageAlert />
      <StorageWarning />
    </div>
  );
}
