import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom's window brings typed arrays of its own realm, while fake-indexeddb and WebCrypto hand
// back Node's. Dexie's clone (update(), the live-query cache) only recognises the global ones and
// would turn a sealed Uint8Array into a plain object. A browser has a single realm; so do we.
const nodeUint8Array = (Object.getPrototypeOf(Buffer.prototype) as Uint8Array)
  .constructor as Uint8ArrayConstructor;
globalThis.Uint8Array = nodeUint8Array;
globalThis.ArrayBuffer = new nodeUint8Array(1).buffer.constructor as ArrayBufferConstructor;

afterEach(() => {
  cleanup();
});
