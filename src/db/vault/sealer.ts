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
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const aad = (table: string, id: string) => encoder.encode(`${table}\u0000${id}`);

export function createSealer(dataKey: CryptoKey): Sealer {
  return {
    seal: (table, id, value) =>
      encryptBytes(dataKey, encoder.encode(JSON.stringify(value)), aad(table, id)),
    async open(table, id, sealed) {
      const plain = await decryptBytes(dataKey, sealed, aad(table, id));
      return JSON.parse(decoder.decode(plain)) as unknown;
    },
  };
}

const locked = () => Promise.reject(new DbError('locked', 'The local store is locked'));

/** Stands in while no user has unlocked: every use fails with DbError('locked'). */
export const lockedSealer: Sealer = { seal: locked, open: locked };
