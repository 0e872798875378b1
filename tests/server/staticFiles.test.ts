import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/data/schema';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';

/** The headers helmet and the permissions policy set on every response. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'permissions-policy',
];

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

  it('sends the same security headers on a refusal and a 404, and pins HTTPS only in production', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const security = (headers: Record<string, unknown>) => {
      const found: Record<string, unknown> = {};
      for (const name of SECURITY_HEADERS)
        if (headers[name] !== undefined) found[name] = headers[name];
      return found;
    };
    expect(security(page.headers)).toEqual({
      'content-security-policy':
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';" +
        "img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';worker-src 'self';" +
        "manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self';" +
        "frame-ancestors 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
      'permissions-policy':
        'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    });
    for (const url of ['/api/auth/me', '/server/main.js']) {
      const refused = await app.inject({ method: 'GET', url });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(security(refused.headers)).toEqual(security(page.headers));
    }
    const production = await buildApp({
      config: { ...testDb.config, STATIC_DIR: dir, NODE_ENV: 'production', PASSWORD_HASH_COST: 15 },
      database,
    });
    try {
      const secure = await production.inject({ method: 'GET', url: '/' });
      expect(secure.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(security(secure.headers)).toMatchObject(security(page.headers));
    } finally {
      await production.close();
    }
  });

  it('does not serve the server bundle or invent missing assets', async () => {
    expect((await app.inject({ method: 'GET', url: '/server/main.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});
