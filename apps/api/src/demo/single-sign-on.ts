import type { RequestContext } from '../core/context.js';
import { addSamlConnection, addSsoDomain } from '../modules/sso/index.js';

/**
 * A self-signed certificate made for the demo only (valid ten years from 2026-12): nothing signs with its key, so
 * the demo connection can be looked at but signs nobody in.
 */
const DEMO_CERTIFICATE = `
  -----BEGIN CERTIFICATE-----
  MIIDWTCCAkGgAwIBAgIUY338hPX6k6AFwxFTCGBKMgRGSm4wDQYJKoZIhvcNAQEL
  BQAwPDE6MDgGA1UEAwwxTm9ydGhicmlkZ2UgZGVtbyBpZGVudGl0eSBwcm92aWRl
  ciAoZXhhbXBsZSBvbmx5KTAeFw0yNjEyMDQwMzU4MDBaFw0zNjEyMDEwMzU4MDBa
  MDwxOjA4BgNVBAMMMU5vcnRoYnJpZGdlIGRlbW8gaWRlbnRpdHkgcHJvdmlkZXIg
  KGV4YW1wbGUgb25seSkwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC2
  r/ApPu11pt7135pHmNvPEsJ8WCG5fYJsfXGFLlC35Wu6/LH70D6KGSRV2Ilkn1eS
  7KHsK1AXOHjXijhT+i8ogBh9m3eDFGbNhvD4pSHwJ/YYucKqD+jJffTXkQf5c9bw
  XF3CVryHGZHidWhkR5EE8jXZ87ljSbVIu0KXvGPgxKc8BrscLuSDy0Z5hu6IdVzq
  Q7FxeE1Jj1Mz2xE7ek/ZFbOKlpr4vXTibccqgdJvV6AexRboAdLhfTD20oCoUrHw
  40Es1S9kyyOmaBzWDX4yinRYrjz9ByOtw3uBukQL3AtCzeBVvTdApkkvgqbqDi7J
  KME7JvdnZm8lsWIbwbvhAgMBAAGjUzBRMB0GA1UdDgQWBBThJegcLP32wIWBtkik
  +3R5TEJyLzAfBgNVHSMEGDAWgBThJegcLP32wIWBtkik+3R5TEJyLzAPBgNVHRMB
  Af8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCNsQ7iJA5lzctM1VTU4fJAWDH3
  nDMTU5ZWcdRo2vDQiV6gs0g9HiaM6FzjR7HZJXvnarGGYL+3VQbmcGQFh4dn/Y+K
  3iLen1NN5kVYWTaVLYCi8o4EobFYiJE6aigunY1SLlsjQ6qso9+zLJhm5sYFfv0Y
  E83dPNK5xN66gdceNK9lAvNh9IlJ9SJ96US5+wiKfiFy2BE2xuVk91GfHQ4/8aQC
  IVdCm7Aw6YSucm6R9Cl/7O4QCCe6Oo0WicJjZQDHbsG+Sm/i0SsWQ2lNLZY6knPJ
  btYD3JYy1Wl9rXEEWdtrbRu4cGddbxpfYDTLp26kuLwFXtb0eJTYkYo6gYTv
  -----END CERTIFICATE-----
`;

/**
 * What an admin sees half-way through setting up single sign-on: a SAML connection to the consultancy's own identity
 * provider and its domain, not yet proved by DNS, so it routes nobody (the demo's passwords keep working).
 */
export async function seedSingleSignOnDemo(context: RequestContext): Promise<void> {
  const added = await addSamlConnection(context, {
    name: 'Northbridge Entra ID (example)',
    idpEntityId: 'https://sts.windows.net/00000000-0000-0000-0000-000000000000/',
    ssoUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2',
    certificate: DEMO_CERTIFICATE,
    groupsClaim: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  });
  const connection = added.connection;
  if (!connection) throw new Error(`The demo connection was refused: ${added.userErrors[0]?.message}`);
  const domain = await addSsoDomain(context, { connectionId: connection.id, domain: 'northbridge.example' });
  if (!domain.domain) throw new Error(`The demo domain was refused: ${domain.userErrors[0]?.message}`);
}
