import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Refuses endpoints that would make the API call into its own network (SSRF): loopback, private, link-local (which
 * holds the cloud metadata address 169.254.169.254), unique-local, carrier-grade NAT, unspecified and the rest of
 * what is not plain public unicast. Checked when an endpoint is saved, for a clear error; the delivery itself goes
 * through request-filtering-agent, which checks the address actually connected to, so a name that later resolves
 * somewhere private (DNS rebinding) is refused then too.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.parse(address).range() === 'unicast';
}

export async function refusedAddress(url: string, allowPrivateAddresses: boolean): Promise<string | null> {
  if (allowPrivateAddresses) return null;
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      return `The host ${host} could not be found. Check the address.`;
    }
  }
  const inside = addresses.find((address) => !isPublicAddress(address));
  return inside
    ? `${host} points at ${inside}, an address on a private, loopback, link-local or metadata network. ` +
        'Endpoints must be reachable on the public internet.'
    : null;
}
