import { db, isUnlocked } from '../db/database';
import { isBusy } from './busyRegistry';

/**
 * True while a note is being written: an editor has marked itself busy, or an autosaved draft
 * exists that was never saved as a note. Drafts survive a reload (they live in IndexedDB), but the
 * last second of typing may not have been autosaved yet, so the update prompt asks first.
 */
export async function noteInProgress(): Promise<boolean> {
  if (isBusy()) return true;
  // Locked: no editor is open and every draft is already sealed in the store, safe to reload.
  if (!isUnlocked()) return false;
  return (await db.drafts.count()) > 0;
}
