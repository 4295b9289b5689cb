import { randomUUID } from 'node:crypto';
import { SSO_ATTEMPT_MINUTES, emailDomainOf, roleFromGroups, type SsoRefusal } from '@csp/domain';
import type { RouteAnswer } from '../../core/api-module.js';
import { recordProductAction } from '../../core/activity-trail.js';
import type { RequestContext } from '../../core/context.js';
import { logger } from '../../core/logger.js';
import { hashToken, issueToken, readToken } from '../../core/auth/tokens.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { MemberEntity, claimSignInEmail, startSession, type MemberRow } from '../accounts/index.js';
import {
  SsoConnectionEntity,
  SsoDomainEntity,
  SsoSessionEntity,
  SsoSignInAttemptEntity,
  type SsoConnectionRow,
  type SsoSignInAttemptRow,
} from './entities.js';

/** Who the provider says signed in, read from an ID token's claims or a SAML assertion's attributes. */
export interface ProviderIdentity {
  email: string;
  name: string;
  groups: string[];
  /** OIDC's `email_verified`; undefined when the provider does not say (SAML, Entra ID). */
  emailVerified?: boolean;
}

/** What logging out at the provider later needs, kept with the session (sso_sessions). */
export interface ProviderSession {
  idToken?: string | null;
  nameId?: string | null;
  nameIdFormat?: string | null;
  sessionIndex?: string | null;
}

/** The connection of a tenant, read with the tenant entered for the rest of the request; null when there is none. */
export async function enterConnection(
  context: RequestContext,
  tenantId: string,
  connectionId: string,
): Promise<SsoConnectionRow | null> {
  await enterTenantOf(context, tenantId);
  return context.db.read((db) => db.getRepository(SsoConnectionEntity).findOneBy({ id: connectionId }));
}

/**
 * Enters the tenant of a provider's callback. A person signed in to another consultancy arrives with that tenant
 * entered by their session: its transaction (which only looked the session up) ends first, so the refusal can be
 * recorded where the connection is. The viewer stays who they are, and is refused for it.
 */
async function enterTenantOf(context: RequestContext, tenantId: string): Promise<void> {
  const fence = context.db.fence;
  if (fence?.tenantId === tenantId) return;
  if (fence) await context.db.finish('commit');
  await context.db.enterTenant({ tenantId, clientId: null });
}

/**
 * Opens a sign-in attempt: the state token handed to the provider (it names its tenant, as every token of ours
 * does, so the callback finds the attempt without a lookup across tenants), and what the callback must check.
 */
export async function openAttempt(
  db: TenantDb,
  connection: SsoConnectionRow,
  details: { nonce?: string; codeVerifier?: string; requestId?: string; returnTo: string },
): Promise<string> {
  const { token, hash } = issueToken('ssoState', connection.tenantId);
  const now = new Date();
  await db.getRepository(SsoSignInAttemptEntity).insert({
    tenantId: connection.tenantId,
    id: randomUUID(),
    connectionId: connection.id,
    stateHash: hash,
    nonce: details.nonce ?? null,
    codeVerifier: details.codeVerifier ?? null,
    requestId: details.requestId ?? null,
    returnTo: details.returnTo,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SSO_ATTEMPT_MINUTES * 60_000),
    usedAt: null,
  });
  return token;
}

/**
 * The attempt a state names, used up now: a second callback with the same state is refused, as is one after the
 * attempt expired or for an attempt never made. Enters the attempt's tenant.
 */
export async function useAttempt(
  context: RequestContext,
  state: string,
): Promise<{ attempt: SsoSignInAttemptRow } | { refusal: SsoRefusal; tenantId: string | null }> {
  const parsed = readToken('ssoState', state);
  if (!parsed) return { refusal: 'STATE_UNKNOWN', tenantId: null };
  await enterTenantOf(context, parsed.tenantId);
  return context.db.read(async (db) => {
    const repository = db.getRepository(SsoSignInAttemptEntity);
    const attempt = await repository.findOneBy({ stateHash: hashToken(state) });
    if (!attempt) return { refusal: 'STATE_UNKNOWN', tenantId: parsed.tenantId };
    if (attempt.usedAt) return { refusal: 'STATE_REUSED', tenantId: parsed.tenantId };
    if (attempt.expiresAt <= new Date()) return { refusal: 'STATE_UNKNOWN', tenantId: parsed.tenantId };
    // Two callbacks racing with one state: only the first marks it. TypeORM answers an UPDATE as [rows, count].
    const [used] = (await db.query(
      'UPDATE sso_sign_in_attempts SET used_at = now() WHERE tenant_id = $1 AND id = $2 AND used_at IS NULL RETURNING id',
      [db.tenantId, attempt.id],
    )) as [unknown[], number];
    if (used.length !== 1) return { refusal: 'STATE_REUSED', tenantId: parsed.tenantId };
    return { attempt };
  });
}

/**
 * Signs in the person a provider vouched for, through `connection` (its tenant entered). Refuses an email whose
 * domain the connection does not own (verified), a person of another consultancy, and a removed member; gives a new
 * person the role their groups map to, or holds them for an admin's approval. Answers the redirect to take.
 */
export async function signInFromProvider(
  context: RequestContext,
  connection: SsoConnectionRow,
  identity: ProviderIdentity,
  providerSession: ProviderSession,
  returnTo: string,
): Promise<RouteAnswer> {
  const email = identity.email.trim().toLowerCase();
  const refuse = (reason: SsoRefusal) => refuseSignIn(context, connection, reason, email);
  const viewer = context.viewer;
  if (viewer.kind !== 'anonymous' && viewer.tenantId !== connection.tenantId)
    return refuse('OTHER_CONSULTANCY');
  if (identity.emailVerified === false) return refuse('EMAIL_NOT_VERIFIED');
  const domain = emailDomainOf(email);
  const owned = domain
    ? await context.db.read((db) =>
        db.getRepository(SsoDomainEntity).findOneBy({ connectionId: connection.id, domain }),
      )
    : null;
  if (!owned) return refuse('DOMAIN_NOT_OWNED');
  if (!owned.verifiedAt) return refuse('DOMAIN_NOT_VERIFIED');

  const home = await signInTenantOf(context, email);
  if (home && home !== connection.tenantId) return refuse('OTHER_CONSULTANCY');
  return context.db.write(async (db) => {
    let member = await db.getRepository(MemberEntity).findOneBy({ email });
    if (member?.removedAt) return refuse('ACCOUNT_REMOVED');
    if (!member) {
      const mapped = roleFromGroups(connection.roleMappings, identity.groups);
      if (!mapped) {
        await askForAccess(db, connection, email, identity);
        return refuse('PENDING_APPROVAL');
      }
      if (!(await claimSignInEmail(db, email))) return refuse('OTHER_CONSULTANCY');
      member = await joinFromProvider(db, email, identity.name, mapped);
    }
    await startSession(context, db, member);
    const viewerNow = context.viewer;
    if (viewerNow.kind !== 'member') throw new Error('startSession leaves a member signed in.');
    await db.getRepository(SsoSessionEntity).insert({
      tenantId: connection.tenantId,
      sessionId: viewerNow.sessionId,
      connectionId: connection.id,
      idToken: providerSession.idToken ?? null,
      nameId: providerSession.nameId ?? null,
      nameIdFormat: providerSession.nameIdFormat ?? null,
      sessionIndex: providerSession.sessionIndex ?? null,
    });
    await recordProductAction(db, context.requestId, {
      action: 'ssoSignIn',
      object: { type: 'ssoConnection', id: connection.id },
      actorMemberId: member.id,
      detail: email,
    });
    return { kind: 'redirect', location: portalUrl(context, safeReturnTo(returnTo)) };
  });
}

/**
 * Sends the person back to the sign-in page with the reason, recorded in the consultancy's trail when the
 * consultancy is known (its tenant entered). Nothing else of the attempt is written. `detail` (the email the
 * provider gave, a provider's error) goes in the trail, never in the address.
 */
export async function refuseSignIn(
  context: RequestContext,
  connection: SsoConnectionRow | null,
  reason: SsoRefusal,
  detail?: string,
): Promise<RouteAnswer> {
  logger.info({ requestId: context.requestId, connectionId: connection?.id, reason }, 'sso sign-in refused');
  // Recorded wherever the consultancy is known: by its connection, or by the state a callback brought back.
  if (context.db.fence) {
    await context.db.read((db) =>
      recordProductAction(db, context.requestId, {
        action: reason === 'PENDING_APPROVAL' ? 'ssoAccessRequested' : 'ssoSignInRefused',
        object: connection ? { type: 'ssoConnection', id: connection.id } : null,
        detail: detail ? `${reason}: ${detail}` : reason,
      }),
    );
  }
  return { kind: 'redirect', location: portalUrl(context, `/sign-in?sso=${reason}`) };
}

/** Only a path of the portal, never another site: a return address is the caller's to choose. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/';
  return value.slice(0, 500);
}

export function portalUrl(context: RequestContext, path: string): string {
  return new URL(path, context.settings.publicUrl).toString();
}

/** The verified domain's route (tenant and connection), found before any tenant is known; null if none. */
export async function domainRoute(
  context: RequestContext,
  domain: string,
): Promise<{ tenantId: string; connectionId: string } | null> {
  const query = 'SELECT tenant_id, connection_id FROM sso_domain_route($1)';
  const rows: { tenant_id: string; connection_id: string }[] = context.db.fence
    ? await context.db.read((db) => db.query(query, [domain]))
    : await context.db.beforeTenant((db) => db.query(query, [domain]));
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, connectionId: row.connection_id } : null;
}

/** Where our callbacks live: what the admin copies into the provider. */
export function callbackUrls(context: RequestContext, connection: Pick<SsoConnectionRow, 'tenantId' | 'id'>) {
  const base = context.settings.publicUrl;
  const saml = `/sso/saml/${connection.tenantId}/${connection.id}`;
  return {
    redirectUri: new URL('/sso/oidc/callback', base).toString(),
    postLogoutRedirectUri: new URL('/sign-in?signedOut=1', base).toString(),
    entityId: new URL(`${saml}/metadata`, base).toString(),
    acsUrl: new URL(`${saml}/acs`, base).toString(),
    sloUrl: new URL(`${saml}/logout`, base).toString(),
    metadataUrl: new URL(`${saml}/metadata`, base).toString(),
  };
}

async function signInTenantOf(context: RequestContext, email: string): Promise<string | null> {
  const rows: { tenant: string | null }[] = await context.db.read((db) =>
    db.query('SELECT sign_in_tenant($1) AS tenant', [email]),
  );
  return rows[0]?.tenant ?? null;
}

async function askForAccess(
  db: TenantDb,
  connection: SsoConnectionRow,
  email: string,
  identity: ProviderIdentity,
): Promise<void> {
  await db.query(
    `INSERT INTO sso_access_requests (tenant_id, id, connection_id, email, name, groups)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, email) DO UPDATE
       SET connection_id = EXCLUDED.connection_id, name = EXCLUDED.name, groups = EXCLUDED.groups,
           requested_at = now()
     WHERE sso_access_requests.tenant_id = $1`,
    [db.tenantId, randomUUID(), connection.id, email, identity.name.slice(0, 200) || email, identity.groups],
  );
}

/** A new member from a provider: no password here, the role their groups gave them. */
export async function joinFromProvider(
  db: TenantDb,
  email: string,
  name: string,
  role: Pick<MemberRow, 'role' | 'clientId'>,
): Promise<MemberRow> {
  const member: MemberRow = {
    tenantId: db.tenantId,
    id: randomUUID(),
    email,
    name: name.trim().slice(0, 200) || email,
    passwordHash: null,
    role: role.role,
    clientId: role.clientId,
    createdAt: new Date(),
    removedAt: null,
  };
  await db.getRepository(MemberEntity).insert(member);
  return member;
}
