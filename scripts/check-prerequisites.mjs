#!/usr/bin/env node
// Checks what `npm test` needs beyond node_modules, and says exactly how to get what is missing.
// Never skips: a missing prerequisite fails the run with the command that fixes it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const PG_CONNECT_TIMEOUT_MS = 5_000;

function postgresStartHint() {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length > 0) {
    return `start it:  pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`;
  }
  return [
    'install PostgreSQL, and `npm test` starts a throwaway cluster of its own:',
    '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql',
    '(or point TEST_DATABASE_URL at a server with trust authentication for the test user)',
  ].join('\n');
}

/**
 * package.json's engines, `>=20.19 <21 || >=22.13`: eslint 10 and jsdom 29 need 22.13 on Node 22
 * (20.19 on Node 20, which reached its end of life in April 2026).
 */
export function nodeSupported(version) {
  const [major, minor] = version.split('.').map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 23;
}

async function checkNode() {
  if (nodeSupported(process.versions.node)) {
    console.log(`ok  node ${process.versions.node}`);
    return null;
  }
  return `Node ${process.versions.node} is not supported; install Node 22.13+ or 24 (or 20.19+) (https://nodejs.org/).`;
}

async function checkChromium() {
  const install = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';
  if (!existsSync(CHROMIUM)) {
    return `Chromium not found at ${CHROMIUM} (the end-to-end tests drive it).\n  install it:  ${install}\n  or set CHROMIUM_PATH to a Chromium/Chrome binary.`;
  }
  try {
    const { stdout } = await run(CHROMIUM, ['--version'], { timeout: 20_000 });
    console.log(`ok  chromium: ${stdout.trim()}`);
    return null;
  } catch (error) {
    return `Chromium at ${CHROMIUM} does not run (${error.message.split('\n')[0]}).\n  reinstall it:  ${install}`;
  }
}

async function checkPostgres() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: DATABASE_URL,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
  });
  const masked = DATABASE_URL.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    console.log(`ok  postgresql ${rows[0].server_version} at ${masked}`);
    return null;
  } catch (error) {
    if (error.code === '3D000') {
      return `PostgreSQL runs, but the test database is missing (${error.message}).\n  create it:  su postgres -c 'createdb test'`;
    }
    return `PostgreSQL is not reachable at ${masked} (${error.message}).\n  ${postgresStartHint()}`;
  } finally {
    // A client that never connected cannot end cleanly; the connect error above is what matters.
    await client.end().catch((error) => console.debug('pg client end:', error.message));
  }
}

// Run as a script (imported by a test, it only defines the checks).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = [];
  for (const check of [checkNode, checkChromium, checkPostgres]) {
    const problem = await check();
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) {
    console.error('\nMissing prerequisites for `npm test`:\n');
    for (const problem of problems) console.error(`✗ ${problem}\n`);
    process.exit(1);
  }
}
