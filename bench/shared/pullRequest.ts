/**
 * The app's pull request as the bench's bare pulls send it (rows 2h and 2s) and the replay
 * captures it: the same path, page size and cursor as the sync engine's, with the app's own
 * headers, in the browser and in Node alike.
 */
import { DEFAULT_PULL_LIMIT } from '../../src/protocol';
export { protocolHeaders as pullHeaders } from '../../src/sync/apiClient';

export function pullPath(cursor: string): string {
  return `/api/sync/pull?limit=${DEFAULT_PULL_LIMIT}&cursor=${encodeURIComponent(cursor)}`;
}
