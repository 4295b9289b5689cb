import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import ipaddr from 'ipaddr.js';

export type MetricsVerdict = 'allowed' | 'refused' | 'hidden';

/**
 * Who may scrape /metrics. With METRICS_TOKEN set, whoever presents it as a bearer token. Without it, outside
 * production, callers on this host only, judged by `req.ip` (the client behind a trusted proxy, see
 * http/trust-proxy.ts), never by the socket: a reverse proxy on the same host connects from loopback for everyone.
 * In production without a token the endpoint does not exist, since there is no safe way to tell the scraper apart.
 */
export function metricsAccess(options: { token: string | undefined; production: boolean }) {
  const expected = options.token ? digest(`Bearer ${options.token}`) : undefined;
  return (req: Request): MetricsVerdict => {
    if (expected) {
      const presented = req.header('authorization');
      return presented !== undefined && timingSafeEqual(digest(presented), expected) ? 'allowed' : 'refused';
    }
    if (options.production) return 'hidden';
    return isLoopback(req.ip) ? 'allowed' : 'refused';
  };
}

/** Digests have one length, so comparing them takes the same time whatever was presented. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function isLoopback(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'loopback';
}
