// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const THIS_FILE = relative(ROOT, fileURLToPath(import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.tmp', 'results', 'screenshots', '.build']);

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) filesUnder(path, out);
    else if (/\.(ts|tsx|js|mjs|md|json)$/.test(name) || name === 'run') out.push(path);
  }
  return out;
}

const sources = [
  ...['src', 'tests', 'scripts', 'bench', 'docs', '.ci'].flatMap((dir) => filesUnder(dir)),
  'README.md',
  'eslint.config.js',
  'vite.config.ts',
  'vitest.config.ts',
].filter((path) => path !== THIS_FILE);

/** Documents and roles of the team that wrote the code, none of which ships with it. */
const OUTSIDE = [
  /\b(?:ARCHITECTURE|STYLE|DOMAIN|ENVIRONMENT)\.md\b/,
  /\/work\/(?:shared|main|wt)\b/,
  /\((?:sync|server|client|ux|bench|security) engineer\)/i,
];

/** Measured throughput belongs in bench/README.md, where the run and the machine are named. */
const FIGURE = /\d[\d,.]*\s*(?:mutations|records|docs)\/s\b/;

describe('the repository stands on its own', () => {
  it('cites no document or role from outside the repository', () => {
    const offending = sources.flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          OUTSIDE.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offending).toEqual([]);
  });

  it('keeps benchmark figures out of the code', () => {
    const code = sources.filter((path) => path.startsWith('src/'));
    const offending = code.flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) => (FIGURE.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('keeps every test under tests/, where vitest looks for them', () => {
    const colocated = filesUnder('src').filter((path) => /\.test\.tsx?$/.test(path));
    expect(colocated).toEqual([]);
  });

  it('links in the documentation point at files that exist', () => {
    const docs = sources.filter((path) => path.endsWith('.md'));
    const broken = docs.flatMap((path) =>
      [...readFileSync(join(ROOT, path), 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(join(ROOT, dirname(path), target)))
        .map((target) => `${path}: ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
