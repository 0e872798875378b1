import { DbError } from '../errors';
import { decryptBytes, encryptBytes } from './webCrypto';

/**
 * Seals values of one user's store with that user's data key. The additional data is the table
 * name and the record id, so a sealed blob copied onto another record (or table) fails to open.
 * Asynchronous: seal before a transaction opens, open after the IndexedDB read returned.
 */
export interface Sealer {
  seal: (table: string, id: string, value: unknown) => Promise<Uint8Array<ArrayBuffer>>;
  open: (table: string, id: string, sealed: Uint8Array) => Promise<unknown>;
  /**
   * The data key itself (non-extractable; structured-cloneable), so a dedicated worker of this
   * page can seal with it too (the pull's page writer, src/sync/pageWriter.ts). Absent when locked.
   */
  readonly dataKey?: CryptoKey;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * UTF-8 of `text` in a reused scratch buffer: a new ArrayBuffer per record cost more than the
 * encoding itself, and a first sync seals 100,000 records. Hazard: the view is overwritten by the next call, so it
 * must be handed to WebCrypto at once — encrypt() and decrypt() copy their inputs before they
 * return (WebCrypto: "get a copy of the bytes held by the data parameter") — never kept across an
 * await.
 */
function scratchEncoder() {
  let scratch = new Uint8Array(16 * 1024);
  return (text: string): Uint8Array<ArrayBuffer> => {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
    return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
  };
}
const plainText = scratchEncoder();
const bindingText = scratchEncoder();
const aad = (table: string, id: string) => bindingText(`${table}\u0000${id}`);

export function createSealer(dataKey: CryptoKey): Sealer {
  return {
    dataKey,
    // Both views go to encryptBytes, which calls encrypt() before its first await.
    seal: (table, id, value) =>
      encryptBytes(dataKey, plainText(JSON.stringify(value)), aad(table, id)),
    async open(table, id, sealed) {
      const plain = await decryptBytes(dataKey, sealed, aad(table, id));
      return JSON.parse(decoder.decode(plain)) as unknown;
    },
  };
}

const locked = () => Promise.reject(new DbError('locked', 'The local store is locked'));

/** Stands in while no user has unlocked: every use fails with DbError('locked'). */
export const lockedSealer: Sealer = { seal: locked, open: locked };
