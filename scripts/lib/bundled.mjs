// Bundles one of the bench's TypeScript entry points with esbuild (Node 20, packages left
// external) into .tmp/bench/ and imports it: how `npm run bench` and `npm run bench:push` run
// TypeScript without a build of the app or a TypeScript loader.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `entry` relative to the repository, e.g. `bench/node/cli.ts`; resolves to its exports. */
export async function importBundled(entry, outName) {
  const outfile = `${ROOT}.tmp/bench/${outName}`;
  await build({
    entryPoints: [`${ROOT}${entry}`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
