import { check, email as emailRule, groupsOfClaim } from '@csp/domain';
import type { Profile } from '@node-saml/node-saml';
import type { ProviderIdentity } from './provider-sign-in.js';

/** What the replay check and the Recipient check need of a verified assertion (node-saml's xml2js reading of it). */
export interface AssertionFacts {
  id: string | null;
  /** The latest NotOnOrAfter of its conditions and confirmations: until then, a replay would be believed. */
  notOnOrAfter: Date | null;
  recipients: string[];
}

type XmlNode = { $?: Record<string, string | undefined> } & { [child: string]: XmlNode[] | undefined };

export function assertionFacts(profile: Profile): AssertionFacts {
  // getAssertion() reads the XML the signature covers, never the unsigned rest of the response.
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const confirmations = (assertion?.Subject?.[0]?.SubjectConfirmation ?? []).flatMap(
    (confirmation) => confirmation.SubjectConfirmationData ?? [],
  );
  const limits = [assertion?.Conditions?.[0], ...confirmations]
    .map((node) => Date.parse(node?.$?.NotOnOrAfter ?? ''))
    .filter((time) => Number.isFinite(time));
  return {
    id: assertion?.$?.ID ?? null,
    notOnOrAfter: limits.length ? new Date(Math.max(...limits)) : null,
    recipients: confirmations.flatMap((data) => (data.$?.Recipient ? [data.$.Recipient] : [])),
  };
}

const EMAIL = ['email', 'mail', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'];
const NAME = [
  'displayName',
  'http://schemas.microsoft.com/identity/claims/displayname',
  'name',
  // Entra ID's `name` claim is the user principal name: taken only when it is no email (below).
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
];
const GIVEN_NAME = [
  'givenName',
  'firstName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
];
const SURNAME = [
  'surname',
  'sn',
  'lastName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
];
/** Entra ID sends group ids under this claim, whatever the admin calls the groups claim elsewhere. */
const ENTRA_GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';

/**
 * Who signed in: the email from the NameID when it is one (most providers are set up so), else from the usual
 * email attributes; the display name, or given name and surname; the groups from the connection's attribute.
 * Null without an email.
 */
export function identityOf(profile: Profile, groupsClaim: string): ProviderIdentity | null {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const values = (names: readonly string[]) =>
    names
      .flatMap((name) => [attributes[name]].flat())
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .map((value) => value.trim());
  const email = [profile.nameID, ...values(EMAIL)].find(isEmail);
  if (!email) return null;
  const fullName = [values(GIVEN_NAME)[0], values(SURNAME)[0]].filter(Boolean).join(' ');
  const groupValues = [attributes[groupsClaim], groupsClaim === 'groups' ? attributes[ENTRA_GROUPS] : []];
  return {
    email,
    name: values(NAME).find((name) => !isEmail(name)) ?? (fullName || email),
    groups: groupsOfClaim(groupValues.flat()),
  };
}

function isEmail(value: unknown): value is string {
  return typeof value === 'string' && check(emailRule, value).ok;
}
