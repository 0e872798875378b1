import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeLockKey } from '../../src/server/data/scopeLocks';
import { authHeaders, newCitizen, PROTOCOL_HEADERS } from './helpers/api';
import { createTestDatabase, withAdmin, type TestDatabase } from './helpers/testDatabase';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface ServerProcess {
  url: string;
  child: ChildProcess;
  log: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Two real server processes (the server bundled as `npm run build:server` does) on one PostgreSQL
 * database, as behind a load balancer; then every backend of that database is terminated while
 * pushes are in flight in both, as a failover would.
 */
describe('several server processes on one PostgreSQL database (postgres)', () => {
  const outDir = join(
    ROOT,
    'node_modules',
    '.cache',
    `fremskudt-server-${randomBytes(4).toString('hex')}`,
  );
  let testDb: TestDatabase;
  const servers: ServerProcess[] = [];

  async function startServer(databaseUrl: string): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(outDir, 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DEMO_DATA: '1',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const server = { url: `http://127.0.0.1:${port}`, child, log: () => output.join('') };
    servers.push(server);
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`server exited:\n${server.log()}`);
      return (await fetch(`${server.url}/readyz`)).ok;
    });
    return server;
  }

  beforeAll(async () => {
    await build({
      entryPoints: [join(ROOT, 'src/server/main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      outdir: outDir,
      logLevel: 'error',
    });
    testDb = await createTestDatabase('postgres');
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) {
      if (s.child.exitCode === null) {
        const exited = new Promise((resolve) => s.child.once('exit', resolve));
        s.child.kill('SIGTERM');
        await exited;
      }
    }
    await testDb?.drop();
    await rm(outDir, { recursive: true, force: true });
  });

  async function loginOn(server: ServerProcess): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mette', password: 'demo' }),
    });
    if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  async function pushOne(server: ServerProcess, token: string) {
    const m = newCitizen({ alias: 'Failover' }, 'device-failover');
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { ...authHeaders(token), 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: m.deviceId, mutations: [m] }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: await res.text(),
    };
  }

  it('lives through the termination of all its database backends and answers afterwards', async () => {
    const url = testDb.config.DATABASE_URL;
    if (url === undefined) throw new Error('no DATABASE_URL');
    const databaseName = new URL(url).pathname.slice(1);
    const first = await startServer(url);
    const second = await startServer(url);
    const tokens = [await loginOn(first), await loginOn(second)];
    const both = [first, second];

    // Pushes of team Syd held inside their transactions by the team's write lock, in both processes.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const { rows: me } = await holder.query<{ pid: number }>('select pg_backend_pid() as pid');
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1::bigint)', [
      String(scopeLockKey('odense-syd')),
    ]);
    const held = both.flatMap((s, i) => [1, 2, 3].map(() => pushOne(s, tokens[i]!)));
    await until(async () => {
      const { rows } = await withAdmin((c) =>
        c.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = $1 and wait_event_type = 'Lock' and wait_event = 'advisory'`,
          [databaseName],
        ),
      );
      return (rows[0] as { n: number }).n === held.length;
    });
    // Every other backend of the database, busy or idle, as a failover would end them.
    await withAdmin((c) =>
      c.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = $1 and pid <> $2`,
        [databaseName, me[0]?.pid],
      ),
    );
    const answers = await Promise.all(held);
    await holder.query('commit');
    await holder.end();

    for (const a of answers) {
      expect(a.status).toBe(503);
      expect(a.retryAfter).toBe('5');
      expect(JSON.parse(a.body)).toMatchObject({ error: { code: 'unavailable' } });
    }
    for (const [i, s] of both.entries()) {
      expect(s.child.exitCode).toBeNull();
      const after = await pushOne(s, tokens[i]!);
      expect(after.status).toBe(200);
      expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
      expect(s.log()).not.toMatch(/Unhandled 'error' event|uncaught/i);
    }
  }, 90_000);
});
