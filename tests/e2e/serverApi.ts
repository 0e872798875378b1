import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
} from '../../src/protocol';
import { DEMO_PASSWORD } from './app';

export interface ApiOptions {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
}

/**
 * The server's API called from the test process, as an administrator's script or another
 * device would: for setting up or checking what the browser under test cannot see.
 */
export function serverApi(baseUrl: string) {
  async function call<T = unknown>(path: string, options: ApiOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [SCHEMA_HEADER]: String(SCHEMA_VERSION),
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A demo user's bearer token, signed in from a device of its own. */
  async function tokenOf(username: string, deviceId = `e2e-script-${username}`): Promise<string> {
    const body = { username, password: DEMO_PASSWORD, deviceId };
    const { token } = await call<{ token: string }>('/api/auth/login', { method: 'POST', body });
    return token;
  }

  return { call, tokenOf };
}
