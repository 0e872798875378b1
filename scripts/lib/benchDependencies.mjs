// The bench's own package (bench/package.json: scenario 3's PouchDB peer) is not part of the
// app's install. `npm run bench` installs it with `npm ci --prefix bench` when bench/node_modules
// is missing or was installed from another bench/package-lock.json.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockHash = (root) =>
  createHash('sha256')
    .update(readFileSync(join(root, 'bench/package-lock.json')))
    .digest('hex');

/** Installs the bench package when needed; returns whether it ran `npm ci`. */
export function ensureBenchDependencies(root) {
  const stamp = join(root, 'bench/node_modules/.fremskudt-lock-sha256');
  const wanted = lockHash(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return false;
  console.log('bench: installing the bench package (npm ci --prefix bench)');
  execSync('npm ci --prefix bench --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${wanted}\n`);
  return true;
}

// `npm run bench:install`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBenchDependencies(fileURLToPath(new URL('../..', import.meta.url)));
}
