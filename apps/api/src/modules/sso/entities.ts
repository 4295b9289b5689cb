import { EntitySchema } from 'typeorm';
import type { SsoRoleMapping } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;
const id = { type: 'uuid', primary: true } as const;

export type SsoProtocol = 'OIDC' | 'SAML';

export interface SsoConnectionRow {
  tenantId: string;
  id: string;
  name: string;
  protocol: SsoProtocol;
  oidcIssuer: string | null;
  oidcClientId: string | null;
  oidcClientSecret: string | null;
  samlIdpEntityId: string | null;
  samlSsoUrl: string | null;
  samlLogoutUrl: string | null;
  /** PEM, newest last. */
  samlCertificates: string[];
  groupsClaim: string;
  roleMappings: SsoRoleMapping[];
  ssoOnly: boolean;
  breakGlassMemberId: string | null;
  /** Fingerprint → the warning days already sent (30, 7, 1). */
  certificateWarnings: Record<string, number[]>;
  createdAt: Date;
}

export const SsoConnectionEntity = new EntitySchema<SsoConnectionRow>({
  name: 'SsoConnection',
  tableName: 'sso_connections',
  columns: {
    tenantId,
    id,
    name: { type: 'text' },
    protocol: { type: 'text' },
    oidcIssuer: { type: 'text', name: 'oidc_issuer', nullable: true },
    oidcClientId: { type: 'text', name: 'oidc_client_id', nullable: true },
    oidcClientSecret: { type: 'text', name: 'oidc_client_secret', nullable: true },
    samlIdpEntityId: { type: 'text', name: 'saml_idp_entity_id', nullable: true },
    samlSsoUrl: { type: 'text', name: 'saml_sso_url', nullable: true },
    samlLogoutUrl: { type: 'text', name: 'saml_logout_url', nullable: true },
    samlCertificates: { type: 'text', array: true, name: 'saml_certificates' },
    groupsClaim: { type: 'text', name: 'groups_claim' },
    roleMappings: { type: 'jsonb', name: 'role_mappings' },
    ssoOnly: { type: 'boolean', name: 'sso_only' },
    breakGlassMemberId: { type: 'uuid', name: 'break_glass_member_id', nullable: true },
    certificateWarnings: { type: 'jsonb', name: 'certificate_warnings' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

export interface SsoDomainRow {
  tenantId: string;
  id: string;
  connectionId: string;
  domain: string;
  verificationToken: string;
  verifiedAt: Date | null;
  createdAt: Date;
}

export const SsoDomainEntity = new EntitySchema<SsoDomainRow>({
  name: 'SsoDomain',
  tableName: 'sso_domains',
  columns: {
    tenantId,
    id,
    connectionId: { type: 'uuid', name: 'connection_id' },
    domain: { type: 'text' },
    verificationToken: { type: 'text', name: 'verification_token' },
    verifiedAt: { type: 'timestamptz', name: 'verified_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

export interface SsoAccessRequestRow {
  tenantId: string;
  id: string;
  connectionId: string;
  email: string;
  name: string;
  groups: string[];
  requestedAt: Date;
}

export const SsoAccessRequestEntity = new EntitySchema<SsoAccessRequestRow>({
  name: 'SsoAccessRequest',
  tableName: 'sso_access_requests',
  columns: {
    tenantId,
    id,
    connectionId: { type: 'uuid', name: 'connection_id' },
    email: { type: 'text' },
    name: { type: 'text' },
    groups: { type: 'text', array: true },
    requestedAt: { type: 'timestamptz', name: 'requested_at' },
  },
});

export interface SsoSignInAttemptRow {
  tenantId: string;
  id: string;
  connectionId: string;
  stateHash: Buffer;
  nonce: string | null;
  codeVerifier: string | null;
  requestId: string | null;
  returnTo: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export const SsoSignInAttemptEntity = new EntitySchema<SsoSignInAttemptRow>({
  name: 'SsoSignInAttempt',
  tableName: 'sso_sign_in_attempts',
  columns: {
    tenantId,
    id,
    connectionId: { type: 'uuid', name: 'connection_id' },
    stateHash: { type: 'bytea', name: 'state_hash' },
    nonce: { type: 'text', nullable: true },
    codeVerifier: { type: 'text', name: 'code_verifier', nullable: true },
    requestId: { type: 'text', name: 'request_id', nullable: true },
    returnTo: { type: 'text', name: 'return_to' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    usedAt: { type: 'timestamptz', name: 'used_at', nullable: true },
  },
});

export interface SsoUsedAssertionRow {
  tenantId: string;
  connectionId: string;
  assertionId: string;
  expiresAt: Date;
}

export const SsoUsedAssertionEntity = new EntitySchema<SsoUsedAssertionRow>({
  name: 'SsoUsedAssertion',
  tableName: 'sso_used_assertions',
  columns: {
    tenantId,
    connectionId: { type: 'uuid', primary: true, name: 'connection_id' },
    assertionId: { type: 'text', primary: true, name: 'assertion_id' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
  },
});

export interface SsoSessionRow {
  tenantId: string;
  sessionId: string;
  connectionId: string;
  idToken: string | null;
  nameId: string | null;
  nameIdFormat: string | null;
  sessionIndex: string | null;
}

export const SsoSessionEntity = new EntitySchema<SsoSessionRow>({
  name: 'SsoSession',
  tableName: 'sso_sessions',
  columns: {
    tenantId,
    sessionId: { type: 'uuid', primary: true, name: 'session_id' },
    connectionId: { type: 'uuid', name: 'connection_id' },
    idToken: { type: 'text', name: 'id_token', nullable: true },
    nameId: { type: 'text', name: 'name_id', nullable: true },
    nameIdFormat: { type: 'text', name: 'name_id_format', nullable: true },
    sessionIndex: { type: 'text', name: 'session_index', nullable: true },
  },
});
