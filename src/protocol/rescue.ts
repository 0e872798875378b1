import { z } from 'zod';
import { InstantSchema, UserIdSchema } from '../domain/common';
import { DeviceIdSchema, MutationSchema, type Mutation } from './sync';

/**
 * The rescue file: a failing device's unsent changes (its outbox), saved as a file the user carries
 * to an administrator, who imports it on the server. The changes inside are applied exactly as if
 * the device had pushed them (same mutation ids, so a later push or a second import changes
 * nothing). The content is encrypted with a passphrase the user sets on the device and tells the
 * administrator another way (PBKDF2-SHA-256 → AES-256-GCM); the file itself shows only how many
 * changes it holds, whose and from which device, never what they say.
 */
export const RESCUE_FORMAT = 'fremskudt-rescue';
export const RESCUE_KDF_ITERATIONS = 600_000;
/** A passphrase guards data that may travel on a USB stick: not shorter than this. */
export const RESCUE_PASSPHRASE_MIN = 10;
/** The most changes one file may hold (the largest outbox the app expects, with margin). */
export const RESCUE_MAX_MUTATIONS = 100_000;

const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const RescueFileSchema = z.object({
  format: z.literal(RESCUE_FORMAT),
  version: z.literal(1),
  userId: UserIdSchema,
  deviceId: DeviceIdSchema,
  exportedAt: InstantSchema,
  count: z.number().int().min(0).max(RESCUE_MAX_MUTATIONS),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(100_000).max(10_000_000),
    salt: Base64Schema,
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: Base64Schema }),
  ciphertext: Base64Schema,
});
export type RescueFile = z.infer<typeof RescueFileSchema>;

/** What the encrypted part holds; the clear header's fields are repeated and checked. */
export const RescuePayloadSchema = z.object({
  userId: UserIdSchema,
  deviceId: DeviceIdSchema,
  exportedAt: InstantSchema,
  mutations: z.array(MutationSchema).max(RESCUE_MAX_MUTATIONS),
});
export type RescuePayload = z.infer<typeof RescuePayloadSchema>;

/** Why a file could not be opened; the admin screen and the CLI translate these. */
export type RescueOpenError = 'not-a-rescue-file' | 'wrong-passphrase' | 'damaged';

export class RescueError extends Error {
  override readonly name = 'RescueError';
  constructor(
    readonly code: RescueOpenError,
    message: string,
  ) {
    super(message);
  }
}

/** An opaque Web Crypto key. */
type WebKey = { readonly type: string };
type GcmParams = {
  name: 'AES-GCM';
  iv: Uint8Array<ArrayBuffer>;
  additionalData: Uint8Array<ArrayBuffer>;
};
/**
 * Web Crypto, TextEncoder/TextDecoder and base64 are globals in both worlds (browsers, Node 20+),
 * but shared code compiles with neither DOM nor Node types: it reads them from globalThis under
 * the few signatures it uses.
 */
interface WebPlatform {
  crypto: {
    getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T;
    subtle: {
      importKey(
        format: 'raw',
        key: Uint8Array<ArrayBuffer>,
        algorithm: 'PBKDF2',
        extractable: false,
        usages: ['deriveKey'],
      ): Promise<WebKey>;
      deriveKey(
        algorithm: {
          name: 'PBKDF2';
          hash: 'SHA-256';
          salt: Uint8Array<ArrayBuffer>;
          iterations: number;
        },
        base: WebKey,
        derived: { name: 'AES-GCM'; length: 256 },
        extractable: false,
        usages: ['encrypt', 'decrypt'],
      ): Promise<WebKey>;
      encrypt(
        algorithm: GcmParams,
        key: WebKey,
        data: Uint8Array<ArrayBuffer>,
      ): Promise<ArrayBuffer>;
      decrypt(
        algorithm: GcmParams,
        key: WebKey,
        data: Uint8Array<ArrayBuffer>,
      ): Promise<ArrayBuffer>;
    };
  };
  TextEncoder: new () => { encode(text: string): Uint8Array<ArrayBuffer> };
  TextDecoder: new () => { decode(bytes: ArrayBuffer): string };
  atob(text: string): string;
  btoa(binary: string): string;
}
const web = globalThis as unknown as WebPlatform;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with a spread of megabytes overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return web.btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = web.atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<WebKey> {
  const material = await web.crypto.subtle.importKey(
    'raw',
    new web.TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return web.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The header is bound to the ciphertext: changing the count or the user breaks decryption. */
function headerBinding(h: Pick<RescueFile, 'userId' | 'deviceId' | 'exportedAt' | 'count'>) {
  return new web.TextEncoder().encode(
    JSON.stringify([RESCUE_FORMAT, 1, h.userId, h.deviceId, h.exportedAt, h.count]),
  );
}

/** Encrypts a device's unsent changes into a rescue file. */
export async function sealRescueFile(
  payload: RescuePayload,
  passphrase: string,
  iterations = RESCUE_KDF_ITERATIONS,
): Promise<RescueFile> {
  const salt = web.crypto.getRandomValues(new Uint8Array(16));
  const iv = web.crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const header = {
    userId: payload.userId,
    deviceId: payload.deviceId,
    exportedAt: payload.exportedAt,
    count: payload.mutations.length,
  };
  const sealed = await web.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: headerBinding(header) },
    key,
    new web.TextEncoder().encode(JSON.stringify(payload)),
  );
  return {
    format: RESCUE_FORMAT,
    version: 1,
    ...header,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(new Uint8Array(sealed)),
  };
}

/** Reads the clear header of a file (text as uploaded); throws RescueError when it is not one. */
export function parseRescueFile(text: string): RescueFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RescueError('not-a-rescue-file', 'The file is not a rescue file');
  }
  const parsed = RescueFileSchema.safeParse(json);
  if (!parsed.success) throw new RescueError('not-a-rescue-file', 'The file is not a rescue file');
  return parsed.data;
}

/** Decrypts a rescue file: its changes, checked against the protocol's mutation schema. */
export async function openRescueFile(file: RescueFile, passphrase: string): Promise<Mutation[]> {
  const key = await deriveKey(passphrase, fromBase64(file.kdf.salt), file.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await web.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(file.cipher.iv), additionalData: headerBinding(file) },
      key,
      fromBase64(file.ciphertext),
    );
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed file; the passphrase is far likelier.
    throw new RescueError('wrong-passphrase', 'The passphrase does not open this file');
  }
  const payload = RescuePayloadSchema.safeParse(JSON.parse(new web.TextDecoder().decode(plain)));
  if (
    !payload.success ||
    payload.data.userId !== file.userId ||
    payload.data.deviceId !== file.deviceId ||
    payload.data.mutations.length !== file.count
  )
    throw new RescueError('damaged', 'The file’s content does not match its header');
  return payload.data.mutations;
}
