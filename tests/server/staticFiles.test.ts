import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/data/schema';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';

describe('serving the installed app', () => {
  let dir: string;
  let testDb: TestDatabase;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fremskudt-static-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'server'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fremskudt test</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Fremskudt"}');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(dir, 'server', 'main.js'), '// server bundle');
    testDb = await createTestDatabase('sqlite');
    database = await testDb.open();
    app = await buildApp({
      config: { ...testDb.config, STATIC_DIR: dir, LOG_LEVEL: 'error' },
      database,
      logger: true,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await testDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a deep link with index.html, never cached, so a reload opens the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/borgere/0190-abc?tab=sager' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Fremskudt test');
    expect(res.headers['cache-control']).toBe('no-cache');
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.body).toContain('Fremskudt test');
    expect(root.statusCode).toBe(200);
    expect(root.headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker and manifest uncached and hashed assets for a year', async () => {
    for (const file of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
      const res = await app.inject({ method: 'GET', url: file });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('sends security headers: own-origin CSP without inline script, nosniff, no referrer', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('does not serve the server bundle or invent missing assets', async () => {
    expect((await app.inject({ method: 'GET', url: '/server/main.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});
