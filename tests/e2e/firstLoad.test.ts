import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

/**
 * What the browser must load before the caseworker can act (the unlock or login screen): the
 * entry script of the built index.html, the chunks it preloads and every chunk those import
 * statically. Screens, schemas and the sync engine load afterwards, as import()ed chunks.
 */
const FIRST_LOAD_LIMIT_BYTES = 120 * 1024;
const DIST = join(ROOT, 'dist');

function firstLoadChunks(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); import("…") is lazy.
    for (const m of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      queue.push(join(file, '..', m[1]!));
    }
  }
  return [...seen];
}

describe('the first load', () => {
  it('is at most 120 KB of gzipped JavaScript before the caseworker can act', () => {
    const chunks = firstLoadChunks();
    const sizes = chunks.map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(DIST, file))).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    expect(chunks.length).toBeGreaterThan(0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(FIRST_LOAD_LIMIT_BYTES);
  });

  it('leaves the signed-in screens and the protocol schemas to chunks loaded later', () => {
    const first = firstLoadChunks();
    const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    expect(all.length).toBeGreaterThan(first.length);
    const firstCode = first.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    // Texts of the administration screen and the citizen list, and zod: not in the first load.
    expect(firstCode).toContain('Adgangskode');
    expect(firstCode).not.toContain('Administration kræver net');
    expect(firstCode).not.toContain('Ingen borgere matcher søgningen');
    expect(firstCode).not.toContain('$ZodType');
  });

  it('has every chunk in the service worker precache, so any screen opens offline', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    const missing = chunks.filter((f) => !sw.includes(`assets/${f}`));
    expect(missing).toEqual([]);
  });
});
