import { createHmac, timingSafeEqual } from 'node:crypto';
import { isPreferenceKind, type PreferenceKind } from '@csp/domain';
import { isUuid } from '../../core/user-errors.js';

/** A kind of email one may choose about, or the digest: turning that off turns off what it gathers. */
export type UnsubscribeKind = PreferenceKind | 'DIGEST';

/** What an unsubscribe link turns off: one kind of email, for one member of one consultancy. */
export interface UnsubscribeTarget {
  tenantId: string;
  memberId: string;
  kind: UnsubscribeKind;
}

/** What building a link needs: `context.settings` will do, or the config (PUBLIC_URL, EMAIL_LINK_SECRET). */
export interface EmailLinkSettings {
  publicUrl: string;
  emailLinkSecret: string;
}

/**
 * A key of its own for unsubscribe links, derived from EMAIL_LINK_SECRET, so that a signature made for another kind
 * of email link can never pass for one of these.
 */
function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('csp email link: unsubscribe v1').digest();
}

function signatureOf(secret: string, target: UnsubscribeTarget): Buffer {
  return createHmac('sha256', keyOf(secret))
    .update(`${target.tenantId}\n${target.memberId}\n${target.kind}`)
    .digest();
}

/**
 * `<tenant>.<member>.<kind>.<signature>`: every part URL-safe as it is. The token never expires (an email is read
 * months later) and needs none of the database to check; it is safe to hand out because all it can ever do is turn
 * off the one kind it names for the one member it names, which that member can turn back on.
 */
export function unsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const signature = signatureOf(secret, target).toString('base64url');
  return `${target.tenantId}.${target.memberId}.${target.kind}.${signature}`;
}

/** Longer than any token we make (two UUIDs, a kind, 43 characters of signature), so a huge string is not parsed. */
const MAX_TOKEN_LENGTH = 200;

/** The target of a token we signed, or null for anything else (cut short, changed, forged, or not a token at all). */
export function verifyUnsubscribeToken(secret: string, token: unknown): UnsubscribeTarget | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [tenantId, memberId, kind, signature] = parts as [string, string, string, string];
  if (!isUuid(tenantId) || !isUuid(memberId) || !(isPreferenceKind(kind) || kind === 'DIGEST')) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  const target: UnsubscribeTarget = {
    tenantId: tenantId.toLowerCase(),
    memberId: memberId.toLowerCase(),
    kind,
  };
  const expected = signatureOf(secret, target);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? target : null;
}

export const UNSUBSCRIBE_PATH = '/email/unsubscribe';

/**
 * The link in an email's footer and its List-Unsubscribe header. Opening it shows a page with a button (a GET never
 * changes anything: mail scanners open links to check them); a mail client's one-click unsubscribe POSTs to it.
 */
export function unsubscribeUrl(settings: EmailLinkSettings, target: UnsubscribeTarget): string {
  const token = unsubscribeToken(settings.emailLinkSecret, target);
  return `${settings.publicUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
}

/** RFC 8058's headers, for the mail module to add to every email that has an unsubscribe link. */
export function unsubscribeHeaders(
  url: string,
): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Where a member manages all of it: the portal's email settings page. */
export function preferencesUrl(settings: Pick<EmailLinkSettings, 'publicUrl'>): string {
  return `${settings.publicUrl}/settings/email`;
}
