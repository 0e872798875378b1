/**
 * Whether an error means "the database cannot be used right now" rather than "this request is
 * wrong" or "the server has a bug": a connection PostgreSQL ended (restart, failover, a
 * terminated backend), one that could not be opened, a server that refuses new sessions, or a
 * SQLite file that is locked by another writer, full, or failing at the disk. Such a request is
 * answered 503 with Retry-After (http/errorHandler.ts): the device keeps its outbox and tries
 * again later, and the process serves the next request on a new connection.
 */

/** PostgreSQL SQLSTATEs: 08xxx connection exceptions, 57P01-57P03 shutdown, 53300 too many connections. */
const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '53000', '58030']);
const PG_CONNECTION_CLASS = '08';

/** Node's socket errors when the database host is gone or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** better-sqlite3 codes (primary or extended: SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE ...). */
const SQLITE_UNAVAILABLE_PREFIXES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_NOMEM',
  'SQLITE_PROTOCOL',
  'SQLITE_READONLY',
];

/**
 * What node-postgres says without a code when the connection is gone: the socket closed under a
 * query, a client already dead when Kysely rolls back, or no connection within the pool's time.
 */
const PG_CLIENT_MESSAGES = [
  'Connection terminated',
  'is not queryable',
  'Client was closed',
  'timeout exceeded when trying to connect',
  'Connection ended',
];

function isUnavailableSelf(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (PG_UNAVAILABLE_CODES.has(code) || SOCKET_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && code.startsWith(PG_CONNECTION_CLASS)) return true;
    if (SQLITE_UNAVAILABLE_PREFIXES.some((p) => code === p || code.startsWith(`${p}_`)))
      return true;
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && PG_CLIENT_MESSAGES.some((m) => message.includes(m));
}

/** True for an error (or one of its causes) that says the database is unavailable for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (isUnavailableSelf(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
