import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Refuses endpoints that would make the API call into its own network (SSRF): loopback, private, link-local (which
 * holds the cloud metadata address 169.254.169.254), unique-local, carrier-grade NAT, unspecified and the rest of
 * what is not plain public unicast. Checked when an endpoint is saved, for a clear error; the delivery itself goes
 * through request-filtering-agent, which checks the address actually connected to, so a name that later resolves
 * somewhere private (DNS rebinding) is refused then too.
 *
 * IPv6 has several spellings of an IPv4 address: IPv4-mapped `::ffff:a.b.c.d`, the deprecated IPv4-compatible
 * `::a.b.c.d` (which ipaddr.js files as ordinary unicast, so it used to pass), NAT64 `64:ff9b::/96` and `64:ff9b:1::/48`,
 * and 6to4 `2002::/16`. All of them are refused: the delivery agent refuses them too, so an endpoint saved with one
 * could never be reached, and the message names the IPv4 address it stands for.
 */

/** IPv4-compatible addresses; the agent files them as unicast, so deliveries list them as denied explicitly. */
export const DENIED_AT_DELIVERY = ['::/96'];

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
const NAT64 = [ipaddr.parseCIDR('64:ff9b::/96'), ipaddr.parseCIDR('64:ff9b:1::/48')];
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

type Verdict =
  | { kind: 'public' }
  | { kind: 'inside'; address: string }
  | { kind: 'spelling'; address: string; ipv4: string };

function ipv4From(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The IPv4 address an IPv6 spelling stands for, or undefined for a plain IPv6 address. */
function embeddedIpv4(address: ipaddr.IPv6): string | undefined {
  const parts = address.parts;
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  // `::` and `::1` are in ::/96 too; they are IPv6's own unspecified and loopback, classified as such below.
  if (address.match(IPV4_COMPATIBLE) && address.range() === 'unicast') return ipv4From(parts[6]!, parts[7]!);
  if (NAT64.some((range) => address.match(range))) return ipv4From(parts[6]!, parts[7]!);
  if (address.match(SIX_TO_FOUR)) return ipv4From(parts[1]!, parts[2]!);
  return undefined;
}

function classify(text: string): Verdict {
  if (!ipaddr.isValid(text)) return { kind: 'inside', address: text };
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv6') {
    const ipv4 = embeddedIpv4(address as ipaddr.IPv6);
    if (ipv4 !== undefined) {
      return ipaddr.parse(ipv4).range() === 'unicast'
        ? { kind: 'spelling', address: text, ipv4 }
        : { kind: 'inside', address: ipv4 };
    }
  }
  return address.range() === 'unicast' ? { kind: 'public' } : { kind: 'inside', address: text };
}

export function isPublicAddress(address: string): boolean {
  return classify(address).kind === 'public';
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveHost: Resolve = async (host) =>
  (await lookup(host, { all: true })).map((entry) => entry.address);

export async function refusedAddress(
  url: string,
  allowPrivateAddresses: boolean,
  resolve: Resolve = resolveHost,
): Promise<string | null> {
  if (allowPrivateAddresses) return null;
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      return `The host ${host} could not be found. Check the address.`;
    }
  }
  for (const verdict of addresses.map(classify)) {
    if (verdict.kind === 'inside') {
      return (
        `${host} points at ${verdict.address}, an address on a private, loopback, link-local or metadata network. ` +
        'It must be reachable on the public internet.'
      );
    }
    if (verdict.kind === 'spelling') {
      return (
        `${host} points at ${verdict.address}, an IPv6 spelling of the IPv4 address ${verdict.ipv4}, which ` +
        `deliveries do not use. Give the address as ${verdict.ipv4}, or use a host name.`
      );
    }
  }
  return null;
}

const MAX_REDIRECTS = 5;

/**
 * fetch for addresses an admin gives the API to call (an identity provider's issuer, its metadata): each hop's host
 * is checked with `refusedAddress` first, redirects included, so a public address cannot send the request inside.
 * A host that resolves differently at connect time is not caught here (webhook deliveries use a filtering agent for
 * that); an admin's provider is asked far less often, and never with a body of ours worth stealing.
 */
export function fetchOutside(allowPrivateAddresses: boolean) {
  return async function guardedFetch(url: string, init: RequestInit = {}): Promise<Response> {
    let next = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const refusal = await refusedAddress(next, allowPrivateAddresses);
      if (refusal) throw new Error(refusal);
      const response = await fetch(next, { ...init, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location || init.redirect === 'manual')
        return response;
      next = new URL(location, next).toString();
    }
    throw new Error(`More than ${MAX_REDIRECTS} redirects.`);
  };
}
