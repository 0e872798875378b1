import type { FremskudtDb } from '../db';
import { DEFAULT_PULL_LIMIT, INITIAL_PULL_CURSOR } from '../protocol';
import { ApiError, type ApiClient } from './apiClient';
import { inFlight } from './inFlight';
import { applyPulledPage, preparePulledPage, readCursor } from './applyPulledPage';
import { resetForResync } from './resync';
import { throwIfAborted } from './syncError';

export interface PullOptions {
  limit?: number;
  signal?: AbortSignal;
  /** Progress of this pull: how far the cursor moved of how far it has to go. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Validate and seal each page in one go instead of in slices with yields to the main thread
   * between them: in the pull's worker (workerPull.ts), where no input waits.
   */
  inOneGo?: boolean;
}

export interface PullSummary {
  pages: number;
  changes: number;
  cursor: number;
}

/**
 * Pulls the team's changes after the stored cursor, page by page, until the server has no more.
 * Interruptible between pages (signal) and resumable: the cursor is stored with each page.
 * While one page is written to IndexedDB the next one is already being requested, validated and
 * sealed: the server, the network, WebCrypto and the browser's storage work at the same time
 * instead of taking turns (the renderer sat idle over half of a first sync). A page is still
 * applied only after the one before it committed, so the stored cursor never passes a page that
 * was not written.
 * Offline: throws ApiError('network') and the next pull resumes where this one stopped.
 */
export async function pullChanges(
  db: FremskudtDb,
  api: ApiClient,
  options: PullOptions = {},
): Promise<PullSummary> {
  try {
    return await pullPages(db, api, options);
  } catch (error) {
    // Offline past the change log's horizon: start again from nothing, once per pull.
    if (!(error instanceof ApiError) || error.code !== 'resync-required') throw error;
    await resetForResync(db);
    return pullPages(db, api, options);
  }
}

async function pullPages(
  db: FremskudtDb,
  api: ApiClient,
  options: PullOptions,
): Promise<PullSummary> {
  const limit = options.limit ?? DEFAULT_PULL_LIMIT;
  const stored = await readCursor(db);
  const start = stored.after;
  let cursor = start;
  // The server's opaque cursor; a device that has pulled nothing yet starts with the initial one.
  // The numeric `cursor` only measures progress.
  let opaque = stored.cursor ?? INITIAL_PULL_CURSOR;
  const summary: PullSummary = { pages: 0, changes: 0, cursor };
  throwIfAborted(options.signal);
  const inOneGo = options.inOneGo ?? false;
  const fetchPage = (next: string) =>
    inFlight(api.pull(limit, next).then((page) => preparePulledPage(db, page, { inOneGo })));
  let request = fetchPage(opaque);
  for (;;) {
    const prepared = await request;
    const { page } = prepared;
    if (page.hasMore && (page.nextCursor === undefined || page.nextCursor === opaque)) {
      throw new ApiError('bad-response', 'Pull cursor did not advance');
    }
    const next = page.hasMore ? fetchPage(page.nextCursor ?? opaque) : null;
    await applyPulledPage(db, prepared);
    cursor = Math.max(cursor, page.cursor);
    opaque = page.nextCursor ?? opaque;
    summary.pages++;
    summary.changes += page.changes.length;
    summary.cursor = cursor;
    // Sequence numbers have gaps (other teams' changes), so progress is measured by the cursor.
    const total = Math.max(0, page.latestSeq - start);
    options.onProgress?.(Math.min(cursor - start, total), total);
    if (!next) return summary;
    throwIfAborted(options.signal);
    request = next;
  }
}
