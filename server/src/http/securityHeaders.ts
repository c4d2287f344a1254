import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** A Host header a browser could have sent; anything else gets no explicit WebSocket source. */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Older Safari does not count same-host WebSockets as 'self', so Socket.IO's
 * own origin is named once more, with the scheme the page was loaded over.
 */
function ownWebSocket(req: Request): string {
  const host = req.get('host') ?? '';
  if (!PLAIN_HOST.test(host)) return "'self'";
  return `${req.protocol === 'https' ? 'wss' : 'ws'}://${host}`;
}

/** Only the calls' devices, and only for Samplan's own pages, never for anything framed inside them. */
const PERMISSIONS_POLICY = 'camera=(self), microphone=(self), display-capture=(self)';

/**
 * Security headers on every response: the page, the API and the join page
 * alike. The CSP allows only Samplan's own scripts, styles and connections
 * (Vite's build has no inline script); `blob:`/`mediastream:` are for
 * video elements, `data:` for small images. Nobody may frame Samplan. Join
 * tokens travel in URLs, so no page sends a Referer.
 *
 * `https` (production): HSTS and upgrading insecure requests; on a
 * developer's http://127.0.0.1 either would break the page.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler[] {
  const permissions: RequestHandler = (_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:', 'mediastream:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", (req) => ownWebSocket(req as Request)],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: options.https ? [] : null,
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Not includeSubDomains: the hospital's other hosts under the same domain are not Samplan's to pin to HTTPS.
      strictTransportSecurity: options.https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
    }),
    permissions,
  ];
}
