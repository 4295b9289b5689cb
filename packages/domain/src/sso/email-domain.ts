import { z } from 'zod';

/**
 * A DNS name as a consultancy binds it to single sign-on: lower case, labels of letters, digits and inner hyphens,
 * at least two of them, no wildcard. Internationalised names are given in their ASCII (xn--) form, as DNS has them.
 */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])$/;

export const ssoDomain = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'The domain is required.')
  .max(253, 'A domain is at most 253 characters.')
  .refine((value) => !value.includes('@'), 'Enter the domain only, without the part before the @.')
  .refine((value) => !value.startsWith('*'), 'Enter one domain; each subdomain is added on its own.')
  .refine((value) => DOMAIN.test(value), 'Enter a domain such as example.com.');

/** The part after the last @, lower-cased; null for text that is no email. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** The TXT record that proves a consultancy controls a domain: published at a name of its own under it. */
export function domainVerificationRecord(domain: string, token: string): { name: string; value: string } {
  return { name: `_csp-verification.${domain}`, value: `csp-domain-verification=${token}` };
}

/**
 * Whether the TXT answers hold the expected value. DNS may split one TXT value into several strings of up to 255
 * characters; they are joined first, as RFC 7208 reads them. Spaces around the value are forgiven.
 */
export function txtRecordsProve(records: readonly (readonly string[])[], expected: string): boolean {
  return records.some((chunks) => chunks.join('').trim() === expected);
}
