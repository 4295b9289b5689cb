import { describe, expect, it } from 'vitest';
import { refusedAddress, type Resolve } from '../../core/http/address-guard.js';
import { createSender } from './sender.js';

/**
 * Host names whose addresses are IPv6 spellings of IPv4 ones (a DNS record is all an attacker needs), and the
 * delivery agent's own check. The literal spellings in URLs are covered end to end in webhooks.endpoints.test.ts.
 */
const resolvesTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses;

describe('the address guard for host names', () => {
  it.each([
    ['IPv4-compatible loopback', '::7f00:1', '127.0.0.1'],
    ['IPv4-compatible metadata', '::a9fe:a9fe', '169.254.169.254'],
    ['IPv4-mapped private', '::ffff:10.0.0.5', '10.0.0.5'],
    ['NAT64 private', '64:ff9b::c0a8:114', '192.168.1.20'],
    ['6to4 of loopback', '2002:7f00:1::1', '127.0.0.1'],
  ])('refuses a name resolving to an %s address, naming the IPv4 address', async (_, address, ipv4) => {
    const refusal = await refusedAddress('https://hooks.example.com/x', false, resolvesTo(address));
    expect(refusal).toContain(`points at ${ipv4}`);
  });

  it('refuses a name when any of its addresses is inside, even if another is public', async () => {
    const refusal = await refusedAddress(
      'https://hooks.example.com/x',
      false,
      resolvesTo('93.184.215.14', '::7f00:1'),
    );
    expect(refusal).toContain('127.0.0.1');
  });

  it('refuses an IPv6 spelling of a public IPv4 address too, since deliveries could not use it', async () => {
    const refusal = await refusedAddress('https://[::ffff:93.184.215.14]/x', false);
    expect(refusal).toContain('Give the address as 93.184.215.14');
  });

  it('accepts public IPv4 and IPv6 addresses', async () => {
    expect(
      await refusedAddress('https://hooks.example.com/x', false, resolvesTo('93.184.215.14')),
    ).toBeNull();
    expect(await refusedAddress('https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x', false)).toBeNull();
  });
});

describe('the delivery agent', () => {
  it('refuses to connect to an IPv4-compatible address, which it would otherwise take for public unicast', async () => {
    const send = createSender({ timeoutMs: 2000, allowPrivateAddresses: false });
    const attempt = await send('http://[::7f00:1]:9/hooks', {}, '{}');
    expect(attempt.status).toBeNull();
    expect(attempt.error).toMatch(/not allowed.*denyIPAddressList/);
  });
});
