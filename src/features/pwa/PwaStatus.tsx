import { StorageAlert } from './StorageAlert';
import { StorageSummary } from './StorageSummary';
import { UpdatePrompt } from './UpdatePrompt';

/**
 * The PWA part of the header on every screen: the update prompt ("Ny version klar — genindlæs"),
 * the storage-full alert and a one-line storage summary (persistence and space used).
 */
export function PwaStatus() {
  return (
    <div className="pwa-status">
      <UpdatePrompt />
      <StorageAlert />
      <StorageSummary />
    </div>
  );
}
