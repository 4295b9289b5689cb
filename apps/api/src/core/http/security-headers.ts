import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<
  string,
  Iterable<string> | typeof helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc
>;

/**
 * What the built portal needs, and nothing more: its own scripts, styles and images (Vite emits no inline script or
 * style, no fonts and no data: URLs), and GraphQL on the same origin. `frame-ancestors 'none'` (with X-Frame-Options
 * for older browsers) keeps every page out of other sites' frames, so a signed-in portal cannot be clickjacked.
 */
function portalPolicy(production: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Only where the portal is served over HTTPS; on http://localhost it would break every asset.
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * /graphql answers JSON, so it may load nothing. Outside production it also serves Apollo's sandbox page, which
 * brings its own policy (a meta tag with a nonce and Apollo's CDN), so there only framing is restricted here; in
 * production that page is turned off (see server.ts).
 */
function graphqlPolicy(production: boolean): Directives {
  return production
    ? { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }
    : {
        'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        'frame-ancestors': ["'none'"],
      };
}

/**
 * The public feedback form (`/feedback/<token>`) is the one page other sites may frame: the client embeds it on its
 * own site. It holds no session and shows nothing of the consultancy, so there is nothing to clickjack; every
 * other page keeps `frame-ancestors 'none'`.
 */
export const PUBLIC_FRAMEABLE = /^\/feedback\/[^/]+$/;

function frameablePolicy(production: boolean): Directives {
  return { ...portalPolicy(production), 'frame-ancestors': ['*'] };
}

function headers(directives: Directives, production: boolean, frameable = false) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: frameable ? false : { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only production is certain to be HTTPS; HSTS on a laptop's http://localhost would pin it to HTTPS for a year.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

export function securityHeaders(options: { production: boolean }) {
  const portal = headers(portalPolicy(options.production), options.production);
  const graphql = headers(graphqlPolicy(options.production), options.production);
  const frameable = headers(frameablePolicy(options.production), options.production, true);
  return (req: Request, res: Response, next: NextFunction) => {
    const isGraphql = req.path === '/graphql' || req.path.startsWith('/graphql/');
    // Answers are per viewer and often private: no browser or proxy may keep one.
    if (isGraphql) res.setHeader('cache-control', 'no-store');
    (isGraphql ? graphql : PUBLIC_FRAMEABLE.test(req.path) ? frameable : portal)(req, res, next);
  };
}
