import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt with r=8, p=1 and N=2^cost. The cost comes from PASSWORD_HASH_COST (config.ts): 15 by
 * default and at least 15 in production (32 MiB, ~0.2 s on a 2-core machine; stronger than Node's
 * default 2^14, below OWASP's 2^17, which would make every login slow). The tests use 10. The
 * parameters are stored with each hash, so a changed cost only applies to new hashes.
 */
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(
  password: string,
  salt: Buffer,
  opts: { N: number; r: number; p: number },
): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default limit (32 MiB) is just too small for N=2^15.
  const maxmem = 2 * 128 * opts.N * opts.r;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_BYTES, { ...opts, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** "scrypt$N$r$p$salt$hash" with base64 salt and hash: the parameters travel with the hash. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const N = 2 ** cost;
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * A hash no password matches, at the given cost: checked when the user is unknown, so that an
 * unknown username takes as long to refuse as a wrong password.
 */
export function unknownUserHash(cost: number): string {
  return `scrypt$${2 ** cost}$${R}$${P}$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;
}

/** Constant-time comparison; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
