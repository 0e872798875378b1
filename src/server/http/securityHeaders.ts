import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, worked out once. They do not depend on the request (no
 * nonces), and building helmet's middleware per request, as its Fastify plugin does, cost every
 * request a few percent of the server's CPU (bench/README.md, scenario 8b).
 */
function staticHeaders(options: HelmetOptions): Record<string, string> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
  });
  return Object.fromEntries(headers);
}

/**
 * Security headers on every response. The CSP allows only our own origin: no inline script, no
 * third-party code. Inline styles are allowed because React's `style` props need them.
 * upgrade-insecure-requests is off so a plain-http LAN install still loads its assets.
 */
export function registerSecurityHeaders(app: FastifyInstance, production: boolean): void {
  const headers = {
    ...staticHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      // A popup or opener from another origin gets no handle on the app's window.
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      // In production the app is served over HTTPS only; a plain-http LAN or dev install must
      // not be pinned to HTTPS by a browser that once saw the header.
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
    // The app uses none of these powerful features; nothing embedded may either.
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  };
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
