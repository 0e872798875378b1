import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './axe';
import { freePort, launchBrowser, startServer, type E2eServer } from './harness';

const CLIENT_ID = 'fremskudt-e2e-groups';
const CLIENT_SECRET = 'e2e-client-secret-groups-0123456789';
const PIN = '918273';
/** The groups the provider says each login name is in (object ids, as Entra sends them). */
const GROUPS: Record<string, string[]> = { 'ny.syd': ['g-syd'], 'ny.kollega': ['g-andet'] };

let provider: Server;
let issuer: string;
let server: E2eServer;

/**
 * A real OpenID Connect provider (oidc-provider) on loopback whose ID tokens carry a `groups`
 * claim, as Entra ID's with "Groups assigned to the application".
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
      claims: () => ({
        sub: `entra-${id}`,
        preferred_username: id,
        name: id,
        groups: GROUPS[id] ?? [],
      }),
    }),
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'groups'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
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
      OIDC_AUTO_CREATE: '1',
      OIDC_GROUP_MAP: JSON.stringify({ 'g-syd': { team: 'odense-syd' } }),
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => provider?.close(resolve));
});

/** Through the provider's login page and a new device PIN, back into the app. */
async function signInNew(loginName: string) {
  const browser = await launchBrowser(server.url);
  const { page } = browser;
  await page.goto('/');
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('input[name="login"]').fill(loginName);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vælg en PIN til denne enhed' }).waitFor();
  await page.getByLabel('PIN eller adgangssætning', { exact: true }).fill(PIN);
  await page.getByLabel('Gentag PIN eller adgangssætning').fill(PIN);
  await page.getByRole('button', { name: 'Gem PIN' }).click();
  return browser;
}

describe('single sign-on with groups in a real browser', () => {
  it('a new colleague in no mapped group sees only the Danish no-team screen (accessible)', async () => {
    const browser = await signInNew('ny.kollega');
    try {
      const { page } = browser;
      await page
        .getByRole('heading', { level: 1, name: 'Du er ikke tilknyttet et team endnu' })
        .waitFor();
      expect(await page.getByText(/Du er logget ind som ny.kollega/).count()).toBe(1);
      await page.getByRole('button', { name: 'Tjek igen' }).click();
      await page.getByText('Du er stadig ikke tilknyttet et team.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('a new colleague in a mapped group starts in its team', async () => {
    const browser = await signInNew('ny.syd');
    try {
      const { page } = browser;
      await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
      // In the app, not a reload: the store's key lives only in memory.
      await page.getByRole('link', { name: 'Indstillinger' }).click();
      await page.getByText('Team: Fremskudt team Syd').waitFor();
    } finally {
      await browser.close();
    }
  });
});
