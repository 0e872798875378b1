import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const page = (title: string, script: string) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><script type="module" src="/${script}"></script></body></html>\n`;

/**
 * Builds what the browser scenarios load into `outDir`: the bench page (the app's modules behind
 * window.bench), the PouchDB peer page, and the PouchDB server script for Node. Minified like the
 * production build, so the measured code is what the app ships.
 */
export async function buildBenchAssets(root: string, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: {
      bench: join(root, 'bench/browser/entry.ts'),
      pouch: join(root, 'bench/browser/pouch.ts'),
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
  await build({
    entryPoints: [join(root, 'bench/node/pouchServer.mjs')],
    outfile: join(outDir, 'pouchServer.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  await writeFile(join(outDir, 'bench.html'), page('Fremskudt bench', 'bench.js'));
  await writeFile(join(outDir, 'pouch.html'), page('PouchDB peer', 'pouch.js'));
  // The server's static files need an index.html to serve anything at all.
  await copyFile(join(outDir, 'bench.html'), join(outDir, 'index.html'));
}
