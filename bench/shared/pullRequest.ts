/**
 * The app's pull request as the bench's bare floors send it (rows 2h and 2s): the same path, page
 * size and cursor as the sync engine's, in the browser and in Node alike.
 */
import {
  DEFAULT_PULL_LIMIT,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
} from '../../src/protocol';

export function pullPath(cursor: string): string {
  return `/api/sync/pull?limit=${DEFAULT_PULL_LIMIT}&cursor=${encodeURIComponent(cursor)}`;
}

export function pullHeaders(token: string): Record<string, string> {
  return {
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [SCHEMA_HEADER]: String(SCHEMA_VERSION),
    authorization: `Bearer ${token}`,
  };
}
