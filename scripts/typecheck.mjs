#!/usr/bin/env node
// `npm run typecheck`: TypeScript's checker on each world's config (tsconfig.json lists them: shared,
// client, service worker, server, tooling), one after the other, every error of every world
// printed, exit code 1 if any failed.
//
// The checker is TypeScript 7 (the native compiler, package alias `typescript-7`): the same
// language and checks as TypeScript 6, about five times faster here, which is a minute of the
// gate. TypeScript 6 stays installed for typescript-eslint, which needs its JavaScript API (7 has
// none yet). Both packages name their binary `tsc`, so this calls version 7 by its path.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = fileURLToPath(new URL('../node_modules/typescript-7/bin/tsc', import.meta.url));
// The worlds are tsconfig.json's references (its only comments are whole `//` lines).
const solution = readFileSync(new URL('../tsconfig.json', import.meta.url), 'utf8');
const { references } = JSON.parse(solution.replace(/^\s*\/\/.*$/gm, ''));
const configs = references.map((reference) => reference.path);

let failed = 0;
for (const config of configs) {
  const run = spawnSync(process.execPath, [TSC, '-p', config], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    process.stderr.write(`typecheck: ${config} has errors (above)\n`);
  }
}
if (configs.length === 0) {
  failed += 1;
  process.stderr.write('typecheck: tsconfig.json lists no configs to check\n');
}
process.exit(failed > 0 ? 1 : 0);
