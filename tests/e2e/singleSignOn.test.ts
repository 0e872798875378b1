import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

const CLIENT_ID = 'fremskudt-e2e';
const CLIENT_SECRET = 'e2e-client-secret-0123456789';
const PIN = '918273';

let provider: Server;
let issuer: string;
let server: E2eServer;

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with its built-in login page: any
 * login name signs in as that account, and the ID token carries preferred_username.
 */
async function startProvider(redirectUri: string): Promise<void> {
  provider = createServer();
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: `entra-${id}`, preferred_username: id, name: id }),
    }),
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    // The claims of the requested scopes in the ID token itself, as Entra ID puts them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    // Short fixed lifetimes, also so the provider does not log a notice per default it uses.
    ttl: { Interaction: 600, Session: 3_600, Grant: 3_600, AccessToken: 300, IdToken: 300 },
  });
  provider.on('request', oidc.callback());
}

beforeAll(async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
  await startProvider(redirectUri);
  server = await startServer({
    port,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URL: redirectUri,
      OIDC_ALLOW_HTTP: '1',
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => provider?.close(resolve));
});

describe('single sign-on in a real browser', () => {
  let browser: E2eBrowser;

  beforeAll(async () => {
    browser = await launchBrowser(server.url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in through the provider, sets a device PIN, and unlocks offline with it', async () => {
    const { page, context } = browser;
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.goto('/');
    await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();

    // The provider's own login page, then its consent page.
    await page.waitForURL((url) => url.origin === issuer);
    await page.locator('input[name="login"]').fill('mette');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: 'Vælg en PIN til denne enhed' }).waitFor();
    await page.getByLabel('PIN eller adgangssætning', { exact: true }).fill(PIN);
    await page.getByLabel('Gentag PIN eller adgangssætning').fill(PIN);
    await page.getByRole('button', { name: 'Gem PIN' }).click();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    // Back in the app, no address the browser visited carried a session token or hand-off code
    // (the provider's one-time authorization code is the only secret in a URL, as OAuth has it).
    const back = visited.filter((u) => u.startsWith(server.url));
    expect(back.some((u) => u.includes('/?sso=done'))).toBe(true);
    for (const url of back) expect(url).not.toMatch(/token|handoff/);

    await page.getByRole('button', { name: 'Lås Fremskudt nu' }).click();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
    await page.getByLabel('PIN eller adgangssætning').fill('000000');
    await page.getByRole('button', { name: 'Lås op' }).click();
    await page.getByRole('alert').filter({ hasText: 'Forkert PIN' }).waitFor();
    await page.getByLabel('PIN eller adgangssætning').fill(PIN);
    await page.getByRole('button', { name: 'Lås op' }).click();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    await context.setOffline(false);
  });

  it('brings a person Fremskudt does not know back to the login page with a Danish explanation', async () => {
    const other = await launchBrowser(server.url);
    try {
      const { page } = other;
      await page.goto('/');
      await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
      await page.waitForURL((url) => url.origin === issuer);
      await page.locator('input[name="login"]').fill('ukendt.person');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
      await page
        .getByText('Din kommune-konto er ikke oprettet i Fremskudt. Kontakt din teamleder.')
        .waitFor();
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await other.close();
    }
  });
});
