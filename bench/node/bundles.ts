import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const page = (title: string, script: string) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><script type="module" src="/${script}"></script></body></html>\n`;

/**
 * Scenario 3's PouchDB peer comes from the bench's own package (bench/package.json), which the
 * app's `npm ci` does not install: `npm run bench` installs it on demand.
 */
export const pouchInstalled = (root: string) =>
  existsSync(join(root, 'bench/node_modules/pouchdb-browser/package.json'));

/**
 * The PouchDB server script, bundled under bench/ so that Node resolves its packages (left
 * external) from bench/node_modules.
 */
export const pouchServerScript = (root: string) => join(root, 'bench/.build/pouchServer.mjs');

/**
 * Builds what the browser scenarios load into `outDir`: the bench page (the app's modules behind
 * window.bench) and, with `pouch`, the PouchDB peer page and the PouchDB server script for Node.
 * Minified like the production build, so the measured code is what the app ships.
 */
export async function buildBenchAssets(
  root: string,
  outDir: string,
  { pouch }: { pouch: boolean },
): Promise<void> {
  if (pouch && !pouchInstalled(root)) {
    throw new Error('Scenario 3 needs the bench package: npm ci --prefix bench');
  }
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: {
      bench: join(root, 'bench/browser/entry.ts'),
      ...(pouch ? { pouch: join(root, 'bench/browser/pouch.ts') } : {}),
    },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  if (pouch) {
    await build({
      entryPoints: [join(root, 'bench/node/pouchServer.mjs')],
      outfile: pouchServerScript(root),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    await writeFile(join(outDir, 'pouch.html'), page('PouchDB peer', 'pouch.js'));
  }
  await writeFile(join(outDir, 'bench.html'), page('Fremskudt bench', 'bench.js'));
  // The server's static files need an index.html to serve anything at all.
  await copyFile(join(outDir, 'bench.html'), join(outDir, 'index.html'));
}
