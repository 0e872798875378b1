import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { newId } from '../../domain/ids';
import {
  OidcExchangeRequestSchema,
  type AuthConfigResponse,
  type LoginResponse,
} from '../../protocol/auth';
import { writeAudit } from '../audit/audit';
import { auditAdmin } from '../admin/adminAudit';
import { parseGroupMap, type Config, type GroupMap } from '../config';
import { joinTransaction } from '../data/joinTransaction';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { startSession } from './startSession';
import { countIpAttempt } from './loginIpLimit';
import { hashToken } from './sessions';
import { applyGroupMapping, groupsOfClaim } from './groupMapping';
import { loadProfile } from './users';

/** The browser's round trip through the provider's login: generous for a slow MFA prompt. */
const LOGIN_TTL_MS = 10 * 60_000;
/** From the callback's redirect to the app's exchange: one page load. */
const HANDOFF_TTL_MS = 60_000;
const STATE_COOKIE = 'fremskudt_oidc_state';
const HANDOFF_COOKIE = 'fremskudt_oidc_handoff';
const COOKIE_PATH = '/api/auth/oidc';
/** Where the app picks up a finished sign-in (the login page then calls the exchange). */
const APP_LANDING = '/?sso=done';
/** No password ever opens an SSO-created account: the stored "hash" is not a scrypt hash. */
const NO_PASSWORD = 'sso-only';
/** The administration log's actor for what the provider's group claim changed at a sign-in. */
export const PROVIDER_ACTOR = 'provider';

/** The browser routes: navigations, which carry no protocol headers (http/protocolCheck.ts). */
export const OIDC_BROWSER_PATHS = ['/api/auth/oidc/start', '/api/auth/oidc/callback'] as const;
/** Reachable without a session (auth/authHook.ts). */
export const OIDC_PUBLIC_PATHS = [
  '/api/auth/config',
  ...OIDC_BROWSER_PATHS,
  '/api/auth/oidc/exchange',
] as const;

/** Why a callback was refused; the login page shows a Danish sentence per reason. */
export type SsoFailure = 'failed' | 'unknown-user' | 'groups';

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  subjectClaim: 'oid' | 'sub';
  usernameClaim: string;
  /** A person the provider knows and Fremskudt does not is created (with no team). */
  autoCreate: boolean;
  groupClaim: string;
  /** Teams and roles from groups; undefined: teams and roles are managed in Fremskudt only. */
  groupMap: GroupMap | undefined;
  allowHttp: boolean;
  secureCookies: boolean;
}

export function ssoSettings(config: Config): SsoSettings | undefined {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL } = config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URL)
    return undefined;
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUrl: OIDC_REDIRECT_URL,
    subjectClaim: config.OIDC_SUBJECT_CLAIM,
    usernameClaim: config.OIDC_USERNAME_CLAIM,
    autoCreate: config.OIDC_AUTO_CREATE,
    groupClaim: config.OIDC_GROUP_CLAIM,
    groupMap: groupMapOf(config),
    allowHttp: config.OIDC_ALLOW_HTTP,
    secureCookies: OIDC_REDIRECT_URL.startsWith('https://'),
  };
}

/** OIDC_GROUP_MAP parsed (config.ts has refused a bad one at start). */
function groupMapOf(config: Config): GroupMap | undefined {
  if (config.OIDC_GROUP_MAP === undefined) return undefined;
  const parsed = parseGroupMap(config.OIDC_GROUP_MAP);
  if (!parsed.ok) throw new Error(`OIDC_GROUP_MAP: ${parsed.message}`);
  return parsed.map;
}

/**
 * The provider's metadata, fetched on first use and kept; a failed discovery is forgotten so the
 * next sign-in tries again (the provider may have been down for a moment).
 */
function providerConfiguration(settings: SsoSettings): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | undefined;
  return () => {
    pending ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.ClientSecretPost(settings.clientSecret),
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .then((configuration) => {
        // The ID token comes straight from the token endpoint over TLS, which the specification
        // accepts in place of its signature; its signature is checked against the provider's
        // JWKS all the same, so a token endpoint answer that was tampered with is refused too.
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      })
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

function cookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [
    `${name}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    // Lax: the provider's redirect back is a top-level navigation from another site.
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function claimText(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Takes the row for `state` out of the table: a state is good for one callback only. */
async function takeLogin(database: Database, state: string, now: Date) {
  return joinTransaction(database.db, async (trx) => {
    const row = await trx
      .selectFrom('oidc_logins')
      .selectAll()
      .where('state', '=', state)
      .executeTakeFirst();
    if (!row) return undefined;
    const deleted = await trx
      .deleteFrom('oidc_logins')
      .where('state', '=', state)
      .executeTakeFirst();
    // Two callbacks racing with one state: only the one that deleted the row goes on.
    if (Number(deleted.numDeletedRows) !== 1) return undefined;
    return row.expires_at > now.toISOString() ? row : undefined;
  });
}

async function takeHandoff(database: Database, code: string, now: Date) {
  const codeHash = hashToken(code);
  return joinTransaction(database.db, async (trx) => {
    const row = await trx
      .selectFrom('oidc_handoffs')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const deleted = await trx
      .deleteFrom('oidc_handoffs')
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return undefined;
    return row.expires_at > now.toISOString() ? row : undefined;
  });
}

/**
 * The Fremskudt user for a validated subject: the linked one, else the user whose username is
 * the provider's username claim if no other subject of this provider is linked to it (linked from
 * then on, so a later rename at the provider does not lose the account), else — when
 * OIDC_AUTO_CREATE is on — a new caseworker with no team, who sees nothing until a lead adds
 * them. Teams and role are Fremskudt's unless OIDC_GROUP_MAP says otherwise (groupMapping.ts).
 */
async function userForSubject(
  database: Database,
  settings: SsoSettings,
  subject: string,
  username: string | undefined,
  name: string | undefined,
  now: Date,
): Promise<string | undefined> {
  const linked = await database.db
    .selectFrom('user_identities')
    .select('user_id')
    .where('issuer', '=', settings.issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (linked) return linked.user_id;
  if (!username) return undefined;
  const normalized = username.toLowerCase();
  let user = await database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', normalized)
    .executeTakeFirst();
  if (!user && settings.autoCreate) {
    const id = newId();
    await database.db
      .insertInto('users')
      .values({
        id,
        username: normalized,
        name: name ?? normalized,
        team_id: null,
        role: 'caseworker',
        password_hash: NO_PASSWORD,
        created_at: now.toISOString(),
      })
      .execute();
    user = { id };
  }
  if (!user) return undefined;
  // The username already belongs to another person at this provider (a UPN given to someone new
  // after the first holder left): never hand them the old account.
  const taken = await database.db
    .selectFrom('user_identities')
    .select('subject')
    .where('issuer', '=', settings.issuer)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (taken) return undefined;
  await database.db
    .insertInto('user_identities')
    .values({
      issuer: settings.issuer,
      subject,
      user_id: user.id,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
    .execute();
  return user.id;
}

/** Housekeeping: sign-ins abandoned at the provider and hand-offs never collected. */
export async function deleteExpiredOidcRows(database: Database, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await database.db.deleteFrom('oidc_logins').where('expires_at', '<=', at).execute();
  await database.db.deleteFrom('oidc_handoffs').where('expires_at', '<=', at).execute();
}

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce):
 * /start sends the browser to the provider, /callback validates the answer and leaves a one-time
 * code in an HttpOnly cookie, and the app exchanges it (POST /exchange) for the same session and
 * device registration a password login gives. No token ever appears in a URL.
 */
export function registerOidcRoutes(app: FastifyInstance, database: Database, config: Config): void {
  const settings = ssoSettings(config);
  const configuration = settings ? providerConfiguration(settings) : undefined;

  app.get('/api/auth/config', async (): Promise<AuthConfigResponse> => {
    if (!settings || !configuration) return { sso: false };
    let endSessionUrl: string | undefined;
    try {
      const c = await configuration();
      if (c.serverMetadata().end_session_endpoint) {
        endSessionUrl = client
          .buildEndSessionUrl(c, {
            client_id: settings.clientId,
            post_logout_redirect_uri: new URL('/', settings.redirectUrl).toString(),
          })
          .toString();
      }
    } catch (error) {
      app.log.warn({ err: error }, 'OpenID Connect discovery failed');
    }
    return endSessionUrl ? { sso: true, endSessionUrl } : { sso: true };
  });

  const fail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    failure: SsoFailure,
    detail: Record<string, unknown>,
    userId: string | null = null,
  ) => {
    await writeAudit(database.db, {
      action: 'login-failed',
      userId,
      requestId: request.id,
      detail: { method: 'oidc', ip: request.ip, ...detail },
    });
    void reply.header('set-cookie', cookie(STATE_COOKIE, '', 0, settings?.secureCookies ?? false));
    return reply.redirect(`/?sso-error=${failure}`, 302);
  };

  app.get('/api/auth/oidc/start', async (request, reply) => {
    if (!settings || !configuration) throw new HttpError('not-found', 'Single sign-on is off');
    // Each start writes a row before anyone is known: counted with the password logins per
    // client IP, so nobody fills the table faster than the housekeeping empties it.
    const perIp = await countIpAttempt(database, request.ip, config.LOGIN_RATE_LIMIT_PER_MINUTE);
    if (!perIp.ok) {
      await writeAudit(database.db, {
        action: 'login-throttled',
        requestId: request.id,
        detail: { ip: request.ip, limit: 'per-ip', method: 'oidc' },
      });
      void reply.header('retry-after', String(perIp.retryAfterSeconds));
      throw new HttpError('rate-limited', 'Too many attempts; try again later', {
        retryAfterSeconds: perIp.retryAfterSeconds,
      });
    }
    let c: client.Configuration;
    try {
      c = await configuration();
    } catch {
      throw new HttpError('unavailable', 'The login provider cannot be reached; try again');
    }
    const now = new Date();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    await database.db
      .insertInto('oidc_logins')
      .values({
        state,
        nonce,
        code_verifier: verifier,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + LOGIN_TTL_MS).toISOString(),
      })
      .execute();
    const url = client.buildAuthorizationUrl(c, {
      redirect_uri: settings.redirectUrl,
      scope: 'openid profile',
      response_type: 'code',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    // The state also in a cookie of this browser: a callback link someone else started (to sign
    // this browser in as them) does not match it.
    void reply.header(
      'set-cookie',
      cookie(STATE_COOKIE, state, LOGIN_TTL_MS / 1000, settings.secureCookies),
    );
    return reply.redirect(url.toString(), 302);
  });

  app.get('/api/auth/oidc/callback', async (request, reply) => {
    if (!settings || !configuration) throw new HttpError('not-found', 'Single sign-on is off');
    const now = new Date();
    const query = request.query as Record<string, unknown>;
    const state = typeof query.state === 'string' ? query.state : '';
    if (typeof query.error === 'string') {
      return fail(request, reply, 'failed', { reason: 'provider-error', error: query.error });
    }
    const browserState = readCookie(request, STATE_COOKIE);
    if (!state || browserState !== state) {
      return fail(request, reply, 'failed', { reason: 'state-mismatch' });
    }
    const login = await takeLogin(database, state, now);
    if (!login) return fail(request, reply, 'failed', { reason: 'state-unknown-or-expired' });
    let claims: Record<string, unknown>;
    try {
      const c = await configuration();
      const currentUrl = new URL(settings.redirectUrl);
      currentUrl.search = new URL(request.url, 'http://callback').search;
      const tokens = await client.authorizationCodeGrant(c, currentUrl, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() ?? {};
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      return fail(request, reply, 'failed', {
        reason: 'token-invalid',
        error: typeof e.code === 'string' ? e.code : 'error',
        message: typeof e.message === 'string' ? e.message.slice(0, 200) : undefined,
      });
    }
    const subject = claimText(claims, settings.subjectClaim);
    const username = claimText(claims, settings.usernameClaim);
    if (!subject) return fail(request, reply, 'failed', { reason: 'no-subject-claim' });
    const userId = await userForSubject(
      database,
      settings,
      subject,
      username,
      claimText(claims, 'name'),
      now,
    );
    if (!userId) {
      return fail(request, reply, 'unknown-user', { reason: 'unknown-user', username, subject });
    }
    if (settings.groupMap) {
      const found = groupsOfClaim(claims, settings.groupClaim);
      // Too many groups to list, or a claim that is not a list: the memberships cannot be judged,
      // and keeping the old ones could keep access the provider has taken away.
      if (found.kind !== 'ok') {
        return fail(request, reply, 'groups', { reason: `groups-${found.kind}`, subject }, userId);
      }
      const changes = await applyGroupMapping(
        database,
        userId,
        found.groups,
        settings.groupMap,
        now,
      );
      if (changes.joined.length + changes.left.length > 0 || changes.role) {
        // The session cache of this process forgets the user's old teams and role at once.
        app.sessionCache.forgetUser(userId);
        const by = { userId: PROVIDER_ACTOR, requestId: request.id };
        for (const teamId of changes.joined)
          await auditAdmin(database, by, 'add-member', { teamId, userId }, { source: 'provider' });
        for (const teamId of changes.left)
          await auditAdmin(
            database,
            by,
            'remove-member',
            { teamId, userId },
            { source: 'provider' },
          );
        if (changes.role)
          await auditAdmin(
            database,
            by,
            'set-role',
            { userId },
            { role: changes.role.to, from: changes.role.from, source: 'provider' },
          );
      }
    }
    const code = randomBytes(32).toString('base64url');
    await database.db
      .insertInto('oidc_handoffs')
      .values({
        code_hash: hashToken(code),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + HANDOFF_TTL_MS).toISOString(),
      })
      .execute();
    void reply.header('set-cookie', [
      cookie(STATE_COOKIE, '', 0, settings.secureCookies),
      cookie(HANDOFF_COOKIE, code, HANDOFF_TTL_MS / 1000, settings.secureCookies),
    ]);
    return reply.redirect(APP_LANDING, 302);
  });

  app.post(
    '/api/auth/oidc/exchange',
    { bodyLimit: 8_192 },
    async (request, reply): Promise<LoginResponse> => {
      if (!settings) throw new HttpError('not-found', 'Single sign-on is off');
      const body = OidcExchangeRequestSchema.parse(request.body ?? {});
      const code = readCookie(request, HANDOFF_COOKIE);
      void reply.header('set-cookie', cookie(HANDOFF_COOKIE, '', 0, settings.secureCookies));
      const handoff = code ? await takeHandoff(database, code, new Date()) : undefined;
      if (!handoff) {
        throw new HttpError('unauthorized', 'The sign-in has expired or was used; sign in again');
      }
      const found = await loadProfile(database, { id: handoff.user_id });
      if (!found) throw new HttpError('unauthorized', 'The account no longer exists');
      const known = body.devices.find((d) => d.userId === found.profile.id);
      return startSession(database, request, {
        profile: found.profile,
        deviceId: known?.deviceId,
        ttlHours: config.SESSION_TTL_HOURS,
        method: 'oidc',
      });
    },
  );
}
