/**
 * Which proxies' X-Forwarded-For the API believes, as express's `trust proxy` takes it: a hop count, or addresses,
 * subnets and express's names (`loopback`, `linklocal`, `uniquelocal`), comma-separated. It decides `req.ip`, which
 * the rate limits and the /metrics address check use.
 */
export type TrustProxy = false | number | string;

/** A reverse proxy on the same host (the usual set-up) and nothing else. */
export const DEFAULT_TRUST_PROXY: TrustProxy = 'loopback';

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim();
  if (!text) return DEFAULT_TRUST_PROXY;
  if (['off', 'false', 'none'].includes(text.toLowerCase())) return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (['on', 'true', 'all', '*'].includes(text.toLowerCase())) {
    // Trusting every sender lets any client choose its own address with a header of its own.
    throw new Error(
      'TRUST_PROXY cannot trust every address: give the number of proxies in front of the API, or their ' +
        'addresses or subnets (for example "loopback" or "loopback, 10.0.0.0/8").',
    );
  }
  return text;
}
