/**
 * The network edge, and the only thing the integration tests fake: a fetch that forwards to the
 * real in-process server but can be told to fail in the ways a caseworker's connection fails.
 *
 * - `offline`: no request leaves the device (TypeError, like a browser's "Failed to fetch").
 * - `drop-response`: the server receives and COMMITS the request, the answer is lost.
 * - `status`: the server (or a proxy in front of it) answers with this HTTP error.
 * - `timeout`: no answer until the client gives up (its AbortSignal fires).
 */
export type Fault =
  /** `before` runs once the server has answered and before the answer is lost (close a tab). */
  | { kind: 'drop-response'; before?: () => void }
  | { kind: 'refuse' }
  | { kind: 'status'; status: number; code?: string }
  | { kind: 'timeout' };

interface Rule {
  path: string;
  fault: Fault;
  times: number;
  /** Matching requests to let through before the fault starts. */
  skip: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  outcome: string;
}

export function createFaultyFetch() {
  const rules: Rule[] = [];
  const log: RequestLogEntry[] = [];
  const state = { offline: false };

  function takeRule(path: string): Fault | null {
    const rule = rules.find((r) => path.startsWith(r.path) && r.times > 0);
    if (!rule) return null;
    if (rule.skip > 0) {
      rule.skip--;
      return null;
    }
    rule.times--;
    return rule.fault;
  }

  const faultyFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const note = (outcome: string) => log.push({ method, path: url.pathname, outcome });
    if (state.offline) {
      note('offline');
      throw new TypeError('fetch failed: network is offline');
    }
    const fault = takeRule(url.pathname);
    if (fault?.kind === 'refuse') {
      note('refused');
      throw new TypeError('fetch failed: connection refused');
    }
    if (fault?.kind === 'status') {
      note(`status ${fault.status}`);
      const body = { error: { code: fault.code ?? 'internal', message: 'Injected fault' } };
      return new Response(JSON.stringify(body), {
        status: fault.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (fault?.kind === 'timeout') {
      note('timeout');
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        const abort = () => reject(new DOMException('The operation was aborted', 'AbortError'));
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort);
      });
    }
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      note('no answer');
      throw error;
    }
    if (fault?.kind === 'drop-response') {
      // Read the whole answer first: the server has finished and committed; only we never hear it.
      await response.arrayBuffer();
      fault.before?.();
      note(`dropped ${response.status}`);
      throw new TypeError('fetch failed: connection reset');
    }
    note(`ok ${response.status}`);
    return response;
  };

  return {
    fetch: faultyFetch satisfies typeof fetch,
    log,
    get offline() {
      return state.offline;
    },
    set offline(value: boolean) {
      state.offline = value;
    },
    /** The next `times` requests whose path starts with `path` (after `skip` more) fail. */
    failNext(path: string, fault: Fault, times = 1, skip = 0): void {
      rules.push({ path, fault, times, skip });
    },
    clearFaults(): void {
      rules.length = 0;
    },
  };
}

export type FaultyFetch = ReturnType<typeof createFaultyFetch>;
