import { DbError, type FremskudtDb } from '../db';
import { ApiError } from './apiError';
import type { ApiClient } from './apiClient';
import { pullChanges, type PullOptions, type PullSummary } from './pullChanges';

/** A pull as syncOnce runs it: `pullChanges`, or the same run in the pull's worker. */
export type Puller = (
  db: FremskudtDb,
  api: ApiClient,
  options: PullOptions,
) => Promise<PullSummary>;

/** What the page (main thread) tells the pull's worker. */
export type ToPullWorker =
  | { type: 'open'; dbName: string; dataKey: CryptoKey }
  | { type: 'pull'; id: number; limit?: number }
  | { type: 'abort'; id: number };

/** An error as it crosses to the page: enough to rebuild what `toSyncFailure` looks at. */
interface WireError {
  name: string;
  message: string;
  code?: string;
  status?: number | null;
  /** The pull stopped because the page asked it to (a DOMException AbortError). */
  aborted?: boolean;
}

/** What the worker answers. */
export type FromPullWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'pulled'; id: number; summary: PullSummary }
  | { type: 'failed'; id: number; error: WireError };

/** The part of a Worker (or its global scope, or a MessagePort) the two sides use. */
export interface PullPort {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
}

export function toWire(error: unknown): WireError {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { name: error.name, message: error.message, aborted: true };
  }
  if (error instanceof Error) {
    const { code, status } = error as { code?: unknown; status?: unknown };
    return {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof status === 'number' ? { status } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

export function fromWire(error: WireError): Error {
  if (error.aborted) return new DOMException(error.message, 'AbortError');
  if (error.name === 'ApiError' && error.code) {
    return new ApiError(error.code as ApiError['code'], error.message, error.status ?? null);
  }
  if (error.name === 'DbError' && error.code) {
    return new DbError(error.code as DbError['code'], error.message);
  }
  // Dexie's and the browser's errors keep their name (QuotaExceededError: "storage full").
  return Object.assign(new Error(error.message), { name: error.name });
}

/**
 * The worker's side: its own Dexie connection to the page's database with the same data key,
 * and its own same-origin API client reading the session token from that store (as the app's
 * client does), runs `pullChanges` whole — requests, JSON, validation, sealing, IndexedDB — and
 * reports progress and the outcome. Its writes reach the page's live queries and search index
 * through Dexie's cross-context change notifications.
 */
export function servePulls(
  port: PullPort,
  open: (dbName: string, dataKey: CryptoKey) => { db: FremskudtDb; api: ApiClient },
): void {
  let store: { db: FremskudtDb; api: ApiClient } | null = null;
  const running = new Map<number, AbortController>();
  port.addEventListener('message', (event) => {
    const message = event.data as ToPullWorker;
    if (message.type === 'open') {
      store?.db.close();
      store = open(message.dbName, message.dataKey);
      return;
    }
    if (message.type === 'abort') {
      running.get(message.id)?.abort();
      return;
    }
    const { id } = message;
    const controller = new AbortController();
    running.set(id, controller);
    const current = store;
    void (async () => {
      try {
        if (!current) throw new Error('The pull worker has no store open');
        const summary = await pullChanges(current.db, current.api, {
          limit: message.limit,
          signal: controller.signal,
          inOneGo: true,
          onProgress: (done, total) =>
            port.postMessage({ type: 'progress', id, done, total } satisfies FromPullWorker),
        });
        port.postMessage({ type: 'pulled', id, summary } satisfies FromPullWorker);
      } catch (error) {
        port.postMessage({ type: 'failed', id, error: toWire(error) } satisfies FromPullWorker);
      } finally {
        running.delete(id);
      }
    })();
  });
}

/**
 * The page's side: a `Puller` that runs the pull in the worker, so the main thread keeps none of
 * it (a first sync's responses parsed, 100,000 records validated and sealed, and the IndexedDB
 * callbacks of their writes kept it in tasks of 100–400 ms, which every key press typed meanwhile
 * waited for). The caller still holds the sync lock around it. The `api` passed is not used: the
 * worker has its own client like the app's default one, so use this only with that client.
 * Without a data key to hand over, or once the worker failed, pulls run on this thread.
 */
export function workerPuller(
  db: FremskudtDb,
  port: PullPort & { addEventListener: (type: 'error', listener: () => void) => void },
): { pull: Puller; close: () => void } {
  const dataKey = db.sealer.dataKey;
  if (!dataKey) return { pull: pullChanges, close: () => undefined };
  let broken = false;
  let nextId = 0;
  const waiting = new Map<
    number,
    {
      resolve: (summary: PullSummary) => void;
      reject: (error: Error) => void;
      onProgress?: (done: number, total: number) => void;
    }
  >();
  port.addEventListener('message', (event) => {
    const answer = event.data as FromPullWorker;
    const w = waiting.get(answer.id);
    if (!w) return;
    if (answer.type === 'progress') {
      w.onProgress?.(answer.done, answer.total);
      return;
    }
    waiting.delete(answer.id);
    if (answer.type === 'pulled') w.resolve(answer.summary);
    else w.reject(fromWire(answer.error));
  });
  const failAll = (error: Error) => {
    broken = true;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  port.addEventListener('error', () => failAll(new Error('The pull worker failed')));
  port.postMessage({ type: 'open', dbName: db.name, dataKey } satisfies ToPullWorker);
  const pull: Puller = (database, api, options) => {
    if (broken || database !== db) return pullChanges(database, api, options);
    const id = ++nextId;
    const { signal } = options;
    return new Promise<PullSummary>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('Sync was stopped', 'AbortError'));
        return;
      }
      const onAbort = () => port.postMessage({ type: 'abort', id } satisfies ToPullWorker);
      const settled = () => signal?.removeEventListener('abort', onAbort);
      waiting.set(id, {
        resolve: (summary) => {
          settled();
          resolve(summary);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
        onProgress: options.onProgress,
      });
      signal?.addEventListener('abort', onAbort);
      port.postMessage({ type: 'pull', id, limit: options.limit } satisfies ToPullWorker);
    });
  };
  return {
    pull,
    // The worker is being terminated (the engine stops: lock, logout): a pull under way ends as
    // stopped; its open transaction is aborted with the worker, so at most that page is pulled
    // again next time (page and cursor are stored together or not at all).
    close: () => failAll(new DOMException('Sync was stopped', 'AbortError')),
  };
}
