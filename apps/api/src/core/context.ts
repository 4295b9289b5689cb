import dns from 'node:dns/promises';
import type DataLoader from 'dataloader';
import type { SignInGuard } from './auth/sign-in-guard.js';
import type { Viewer } from './auth/viewer.js';
import type { RequestDatabase } from './tenancy/request-database.js';
import type { RequestBudget } from './graphql/request-budget.js';
import type { FeedbackSettings, MailDeliveryMode, WebhookSettings } from './config.js';

/** What every resolver and service receives for one GraphQL request. */
export interface RequestContext {
  /** Mutable only by sign-up, sign-in and sign-out, which change who is asking mid-request. */
  viewer: Viewer;
  db: RequestDatabase;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  requestId: string;
  /** The caller's address (behind a trusted proxy, the client's), for sign-in throttling; unset in scripts. */
  clientAddress?: string;
  /** Sign-in throttling kept in memory by the API process; scripts go without (see core/auth/sign-in-guard.ts). */
  signInGuard?: SignInGuard;
  session: SessionCookie;
  settings: {
    sessionDays: number;
    publicUrl: string;
    webhooks: WebhookSettings;
    feedback: FeedbackSettings;
    /** How the mail outbox is sent (modules/mail): SMTP, or kept for admins to read. */
    mailDelivery: MailDeliveryMode;
    /** Signs links in email that act without a sign-in (EMAIL_LINK_SECRET). */
    emailLinkSecret: string;
    sso: SsoSettings;
  };
  /** The mutation being resolved, for the activity trail (set by core/activity-trail.ts). */
  mutation?: { name: string; input: unknown };
  /** What this request may still resolve (core/graphql/request-budget.ts); the permission guard spends it. */
  budget?: RequestBudget;
  /** Gives back the request's in-flight slot (core/http/concurrency.ts); safe to call more than once. */
  releaseSlot?: () => void;
}

/** What single sign-on reaches outside the API; tests give their own, so nothing needs the internet. */
export interface SsoSettings {
  /** DNS TXT lookup, as node:dns's `resolveTxt`: one array of strings per record. */
  resolveTxt(name: string): Promise<string[][]>;
  /**
   * Whether an issuer, its endpoints or a metadata URL may be on a private or loopback network
   * (SSO_ALLOW_PRIVATE_ADDRESSES): off, an admin cannot point the API at the network it runs in (SSRF).
   */
  allowPrivateAddresses: boolean;
}

/** The system's DNS: what the API uses unless a test gives its own. */
export const SYSTEM_SSO_SETTINGS: SsoSettings = {
  resolveTxt: (name) => dns.resolveTxt(name),
  allowPrivateAddresses: false,
};

/**
 * The settings from the configuration: DNS through the given servers (SSO_DNS_SERVERS, a deployment's own resolver
 * or the browser tests' in-process one), else the system's.
 */
export function ssoSettingsOf(config: {
  dnsServers?: string[];
  allowPrivateAddresses: boolean;
}): SsoSettings {
  if (!config.dnsServers)
    return { ...SYSTEM_SSO_SETTINGS, allowPrivateAddresses: config.allowPrivateAddresses };
  const resolver = new dns.Resolver({ timeout: 3000, tries: 2 });
  resolver.setServers(config.dnsServers);
  return {
    resolveTxt: (name) => resolver.resolveTxt(name),
    allowPrivateAddresses: config.allowPrivateAddresses,
  };
}

/** The portal's httpOnly session cookie; a no-op for callers that use a bearer token only. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}
