// A throwaway PostgreSQL cluster for one `npm test` run, when none answers at TEST_DATABASE_URL:
// initdb and pg_ctl from the system's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin, as
// Debian's `postgresql` package installs them) in a temporary folder, on a free loopback port,
// trust authentication, a `test` database. Removed again by stop().
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './startServer.mjs';

const CONNECT_TIMEOUT_MS = 5_000;

/** Whether a PostgreSQL server answers at `url` (a missing database counts as answering). */
export async function postgresAnswers(url) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    return { ok: true };
  } catch (error) {
    return { ok: false, code: error.code, message: error.message };
  } finally {
    // A client that never connected cannot end cleanly; the connect result above is what matters.
    await client.end().catch(() => undefined);
  }
}

/** The newest installed PostgreSQL's bin folder with initdb and pg_ctl, or null. */
export function findPostgresBin(base = '/usr/lib/postgresql') {
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter(
      (v) => existsSync(join(base, v, 'bin/initdb')) && existsSync(join(base, v, 'bin/pg_ctl')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(base, versions[0], 'bin') : null;
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function runAs(user) {
  if (process.getuid?.() !== 0) return (file, args) => execFileSync(file, args, { stdio: 'pipe' });
  let ids;
  try {
    ids = {
      uid: Number(execFileSync('id', ['-u', user]).toString()),
      gid: Number(execFileSync('id', ['-g', user]).toString()),
    };
  } catch {
    throw new Error(
      `running as root, and there is no '${user}' user to own a throwaway PostgreSQL cluster ` +
        '(initdb refuses root). Install PostgreSQL (apt-get install -y postgresql) or run as another user.',
    );
  }
  return Object.assign((file, args) => execFileSync(file, args, { stdio: 'pipe', ...ids }), ids);
}

/**
 * Starts a cluster and returns its URL (database `test`, user `postgres`) and stop(). Throws with
 * the reason when it cannot.
 */
export async function startThrowawayPostgres({ bin = findPostgresBin(), log = console.log } = {}) {
  if (!bin) throw new Error('no PostgreSQL binaries found under /usr/lib/postgresql/*/bin');
  const run = runAs('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'fremskudt-pg-'));
  if (run.uid !== undefined) chownSync(dir, run.uid, run.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-s']);
      } catch (error) {
        console.error(`throwaway PostgreSQL did not stop cleanly: ${error.message}`);
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    log(`test: no PostgreSQL answers; starting a throwaway cluster (${bin}) on port ${port}`);
    run(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    run(join(bin, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-w',
      '-s',
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    ]);
    started = true;
    const admin = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    });
    await admin.connect();
    await admin.query('CREATE DATABASE test');
    await admin.end();
    return { url: `postgres://postgres@127.0.0.1:${port}/test`, stop };
  } catch (error) {
    const detail = error.stderr?.toString().trim();
    stop();
    throw new Error(detail ? `${error.message.split('\n')[0]}: ${detail}` : error.message, {
      cause: error,
    });
  }
}
