/**
 * The only file that calls WebCrypto. AES-GCM-256 for data and key wrapping, PBKDF2-SHA-256 for
 * the password, HKDF-SHA-256 for the server's device secret. Every function is asynchronous: never
 * call one inside an open IndexedDB transaction (it would commit while we wait).
 */

/** OWASP 2023 figure for PBKDF2-HMAC-SHA-256; stored per profile so it can be raised later. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const IV_BYTES = 12;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/**
 * IVs are cut from a pool of random bytes refilled by getRandomValues, not drawn one by one: a
 * first sync seals 100,000 records, and a call per IV cost the main thread more than the pool does.
 * Every byte is used once, so the IVs are exactly as random as before.
 */
const ivPool = new Uint8Array(IV_BYTES * 512);
let ivOffset = ivPool.length;

function nextIv(): Uint8Array<ArrayBuffer> {
  if (ivOffset + IV_BYTES > ivPool.length) {
    globalThis.crypto.getRandomValues(ivPool);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.slice(ivOffset - IV_BYTES, ivOffset);
}

/** A new data key, extractable only so it can be wrapped once; keep the unwrapped copy in memory. */
export function generateDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The key-encryption key of a password (slow on purpose: about a second on a laptop). */
export async function passwordKek(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** The key-encryption key of the server's random device secret (high entropy: HKDF suffices). */
export async function secretKek(secret: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('fremskudt device secret') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export interface WrappedKey {
  iv: Uint8Array<ArrayBuffer>;
  key: Uint8Array<ArrayBuffer>;
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<WrappedKey> {
  const iv = randomBytes(IV_BYTES);
  const key = await subtle().wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv });
  return { iv, key: new Uint8Array(key) };
}

/**
 * Unwraps a data key; a wrong password or secret fails the AES-GCM tag and rejects
 * (OperationError). `extractable` only while re-wrapping during an online login.
 */
export function unwrapDataKey(
  wrapped: WrappedKey,
  kek: CryptoKey,
  extractable = false,
): Promise<CryptoKey> {
  return subtle().unwrapKey(
    'raw',
    wrapped.key,
    kek,
    { name: 'AES-GCM', iv: wrapped.iv },
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

/**
 * AES-GCM with a random 96-bit IV; the result is IV ‖ ciphertext ‖ tag. `plain` and
 * `additionalData` are copied by encrypt() before its first await (callers pass reused buffers).
 */
export async function encryptBytes(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = nextIv();
  const cipher = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain);
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return out;
}

/** Opens IV ‖ ciphertext ‖ tag; `additionalData` is copied by decrypt() before its first await. */
export async function decryptBytes(
  key: CryptoKey,
  sealed: Uint8Array,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = sealed.slice(0, IV_BYTES);
  const cipher = sealed.slice(IV_BYTES);
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv, additionalData }, key, cipher);
  return new Uint8Array(plain);
}
