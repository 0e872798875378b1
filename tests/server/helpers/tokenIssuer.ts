import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/** What the token endpoint is asked; the test decides the ID token it answers with. */
export interface TokenRequest {
  code: string;
  codeVerifier: string;
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * A minimal OpenID provider on loopback for the server tests: discovery, a JWKS and a token
 * endpoint whose ID token each test crafts (wrong audience, expired, another key, …). The browser
 * leg (the provider's own login page) is not needed here: the tests read state and nonce from the
 * authorization URL the server redirects to, as the provider would.
 */
export interface TokenIssuer {
  issuer: string;
  clientId: string;
  /** Signs claims with the provider's published key (or `key`), adding iss/aud/iat/exp. */
  sign(claims: JWTPayload, options?: { key?: KeyPair; kid?: string }): Promise<string>;
  /** A key pair the provider does not publish. */
  otherKey(): Promise<KeyPair>;
  /** The next token endpoint answers with what this returns. */
  onToken: (request: TokenRequest) => Promise<string>;
  close(): Promise<void>;
}

export async function startTokenIssuer(clientId = 'fremskudt-test'): Promise<TokenIssuer> {
  const keys = await generateKeyPair('RS256');
  const publicJwk: JWK = {
    ...(await exportJWK(keys.publicKey)),
    kid: 'k1',
    alg: 'RS256',
    use: 'sig',
  };
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json({ keys: [publicJwk] });
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        issuerApi
          .onToken({ code: form.get('code') ?? '', codeVerifier: form.get('code_verifier') ?? '' })
          .then((idToken) =>
            json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken }),
          )
          .catch(() => json({ error: 'invalid_grant' }, 400));
      });
      return;
    }
    json({ error: 'not_found' }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuerApi: TokenIssuer = {
    issuer,
    clientId,
    sign: (claims, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: issuer,
        aud: clientId,
        sub: typeof claims.oid === 'string' ? `sub-${claims.oid}` : 'sub-x',
        iat: now,
        exp: now + 300,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
        .sign((options.key ?? keys).privateKey);
    },
    otherKey: () => generateKeyPair('RS256'),
    onToken: () => Promise.reject(new Error('no token prepared')),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return issuerApi;
}
