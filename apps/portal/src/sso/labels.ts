import type { SsoProtocol } from '../generated/graphql';

export const PROTOCOL_LABELS: Record<SsoProtocol, string> = {
  OIDC: 'OpenID Connect',
  SAML: 'SAML 2.0',
};

/** What a person of a connection's domains is told about a certificate's life, in days. */
export function certificateLife(daysLeft: number): string {
  if (daysLeft < 0) return 'Expired';
  if (daysLeft === 0) return 'Expires today';
  return daysLeft === 1 ? 'Expires tomorrow' : `Expires in ${daysLeft} days`;
}
