/**
 * The peer of scenario 3: PouchDB in the browser replicating the same caseload from a PouchDB
 * server (express-pouchdb) on this machine into IndexedDB. Exposed as `window.pouchBench`.
 */
import PouchDB from 'pouchdb-browser';

async function replicate(remoteUrl: string, name: string): Promise<{ ms: number; docs: number }> {
  const local = new PouchDB(name);
  await local.destroy();
  const fresh = new PouchDB(name);
  const t0 = performance.now();
  // PouchDB's default batches (100 docs, 10 in flight), as an app using it would replicate.
  const result = await PouchDB.replicate(remoteUrl, fresh);
  const ms = performance.now() - t0;
  const docs = result.docs_written;
  await fresh.destroy();
  return { ms, docs };
}

const pouchBench = { replicate };
export type PouchBench = typeof pouchBench;

declare global {
  interface Window {
    pouchBench: PouchBench;
  }
}
window.pouchBench = pouchBench;
