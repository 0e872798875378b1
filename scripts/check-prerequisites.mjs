#!/usr/bin/env node
// Checks what `npm test` needs beyond node_modules, and says exactly how to get what is missing.
// Never skips: a missing prerequisite fails the run with the command that fixes it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MIN_NODE_MAJOR = 20;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const PG_CONNECT_TIMEOUT_MS = 5_000;

function postgresStartHint() {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length > 0) {
    return `start it:  pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`;
  }
  return [
    'install and start it:',
    '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql',
    '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    '  su postgres -c "psql -c \\"ALTER USER postgres PASSWORD NULL\\" -c \'CREATE DATABASE test\'"',
    '(the tests expect trust authentication for 127.0.0.1; or point TEST_DATABASE_URL elsewhere)',
  ].join('\n');
}

async function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) {
    console.log(`ok  node ${process.versions.node}`);
    return null;
  }
  return `Node ${process.versions.node} is too old; install Node ${MIN_NODE_MAJOR} or newer (https://nodejs.org/).`;
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
