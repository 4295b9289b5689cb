import { randomUUID } from 'node:crypto';
import { IsNull, Not } from 'typeorm';
import {
  addOidcConnectionInput,
  addSamlConnectionInput,
  check,
  fieldError,
  updateSsoConnectionInput,
  type FieldError,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { lockById } from '../../core/row-lock.js';
import { notFound } from '../../core/user-errors.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { hasPassword, memberOf } from '../accounts/index.js';
import { clientOf } from '../clients/index.js';
import { certificatePem } from './certificates.js';
import { SsoConnectionEntity, SsoDomainEntity, type SsoConnectionRow } from './entities.js';
import { scheduleCertificateCheck } from './certificate-expiry-job.js';
import { discoverProvider, providerErrorMessage } from './oidc-sign-in.js';
import { fetchOutside } from '../../core/http/address-guard.js';
import { samlMetadataSettings, type SamlProviderSettings } from './saml-metadata.js';

/** What a new connection starts with, whatever its protocol: no mappings (everyone waits for approval), not SSO-only. */
function newConnection(db: TenantDb, name: string, groupsClaim: string | null) {
  return {
    tenantId: db.tenantId,
    id: randomUUID(),
    name,
    groupsClaim: groupsClaim ?? 'groups',
    roleMappings: [],
    ssoOnly: false,
    breakGlassMemberId: null,
    certificateWarnings: {},
    createdAt: new Date(),
  };
}

/** Adds an OIDC connection once its issuer answers discovery, so a typo is caught now, not at the first sign-in. */
export async function addOidcConnection(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'SsoConnectionPayload'>> {
  const checked = check(addOidcConnectionInput, input);
  if (!checked.ok) return refused('connection', ...checked.errors);
  const { name, issuer, clientId, clientSecret, groupsClaim } = checked.value;
  try {
    await discoverProvider(context, issuer, clientId, clientSecret);
  } catch (error) {
    const reason = providerErrorMessage(error);
    return refused(
      'connection',
      fieldError(
        'issuer',
        'INVALID',
        `The issuer did not answer OpenID Connect discovery (${reason.slice(0, 300)}).`,
      ),
    );
  }
  return context.db.write(async (db) => {
    const connection: SsoConnectionRow = {
      ...newConnection(db, name, groupsClaim),
      protocol: 'OIDC',
      oidcIssuer: issuer,
      oidcClientId: clientId,
      oidcClientSecret: clientSecret,
      samlIdpEntityId: null,
      samlSsoUrl: null,
      samlLogoutUrl: null,
      samlCertificates: [],
    };
    await db.getRepository(SsoConnectionEntity).insert(connection);
    return { connection, userErrors: [] };
  });
}

/** Adds a SAML connection from metadata (given, or fetched once from its URL) or from its three settings. */
export async function addSamlConnection(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'SsoConnectionPayload'>> {
  const checked = check(addSamlConnectionInput, input);
  if (!checked.ok) return refused('connection', ...checked.errors);
  const value = checked.value;
  const provider = await samlProviderOf(value, context.settings.sso.allowPrivateAddresses);
  if ('error' in provider) return refused('connection', provider.error);
  return context.db.write(async (db) => {
    const connection: SsoConnectionRow = {
      ...newConnection(db, value.name, value.groupsClaim),
      protocol: 'SAML',
      oidcIssuer: null,
      oidcClientId: null,
      oidcClientSecret: null,
      samlIdpEntityId: provider.idpEntityId,
      samlSsoUrl: provider.ssoUrl,
      samlLogoutUrl: value.logoutUrl ?? provider.logoutUrl,
      samlCertificates: provider.certificates,
    };
    await db.getRepository(SsoConnectionEntity).insert(connection);
    await scheduleCertificateCheck(db, connection.id, new Date());
    return { connection, userErrors: [] };
  });
}

async function samlProviderOf(
  value: {
    metadataXml?: string | null;
    metadataUrl?: string | null;
    idpEntityId: string | null;
    ssoUrl?: string | null;
    logoutUrl?: string | null;
    certificate?: string | null;
  },
  allowPrivateAddresses: boolean,
): Promise<SamlProviderSettings | { error: FieldError }> {
  if (value.metadataXml || value.metadataUrl) {
    const field = value.metadataXml ? 'metadataXml' : 'metadataUrl';
    let xml = value.metadataXml ?? '';
    if (!xml) {
      try {
        const answer = await fetchOutside(allowPrivateAddresses)(value.metadataUrl ?? '', {
          signal: AbortSignal.timeout(10_000),
        });
        if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
        xml = (await answer.text()).slice(0, 500_000);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          error: fieldError(field, 'INVALID', `The metadata could not be fetched (${reason.slice(0, 200)}).`),
        };
      }
    }
    const settings = samlMetadataSettings(xml);
    if (!settings)
      return {
        error: fieldError(
          field,
          'INVALID',
          'This is no SAML identity provider metadata: it needs an entity id, a single sign-on URL and a signing certificate.',
        ),
      };
    return settings;
  }
  const pem = certificatePem(value.certificate ?? '');
  if (!pem)
    return {
      error: fieldError('certificate', 'INVALID', 'This is no X.509 certificate: paste the PEM or base64.'),
    };
  return {
    idpEntityId: value.idpEntityId ?? '',
    ssoUrl: value.ssoUrl ?? '',
    logoutUrl: value.logoutUrl ?? null,
    certificates: [pem],
  };
}

export async function updateSsoConnection(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'SsoConnectionPayload'>> {
  const checked = check(updateSsoConnectionInput, input);
  if (!checked.ok) return refused('connection', ...checked.errors);
  const changes = checked.value;
  return context.db.write(async (db) => {
    const connection = await lockById(db, SsoConnectionEntity, changes.id);
    if (!connection) return refused('connection', notFound('id', 'single sign-on connection'));
    const next: SsoConnectionRow = { ...connection };
    if (changes.name !== undefined) next.name = changes.name;
    if (changes.groupsClaim !== undefined) next.groupsClaim = changes.groupsClaim ?? 'groups';
    if (changes.clientSecret !== undefined) {
      if (connection.protocol !== 'OIDC')
        return refused(
          'connection',
          fieldError('clientSecret', 'NOT_ALLOWED', 'Only OIDC connections have a client secret.'),
        );
      next.oidcClientSecret = changes.clientSecret;
    }
    if (changes.certificates !== undefined || changes.logoutUrl !== undefined) {
      if (connection.protocol !== 'SAML') {
        const field = changes.certificates !== undefined ? 'certificates' : 'logoutUrl';
        return refused(
          'connection',
          fieldError(field, 'NOT_ALLOWED', 'Only SAML connections have this setting.'),
        );
      }
    }
    if (changes.certificates !== undefined) {
      const pems = changes.certificates.map(certificatePem);
      const bad = pems.findIndex((pem) => pem === null);
      if (bad >= 0)
        return refused(
          'connection',
          fieldError(
            `certificates.${bad}`,
            'INVALID',
            'This is no X.509 certificate: paste the PEM or base64.',
          ),
        );
      next.samlCertificates = pems as string[];
    }
    if (changes.logoutUrl !== undefined) next.samlLogoutUrl = changes.logoutUrl ?? null;
    if (changes.roleMappings !== undefined) {
      const errors = await mappingErrors(db, changes.roleMappings);
      if (errors.length) return refused('connection', ...errors);
      next.roleMappings = changes.roleMappings;
    }
    if (changes.breakGlassAdminId !== undefined) {
      const admin = changes.breakGlassAdminId ? await memberOf(db, changes.breakGlassAdminId) : null;
      if (changes.breakGlassAdminId && (!admin || admin.role !== 'ADMIN'))
        return refused(
          'connection',
          fieldError('breakGlassAdminId', 'INVALID', 'Choose an admin of this consultancy.'),
        );
      if (admin && !(await hasPassword(db, admin.id)))
        return refused(
          'connection',
          fieldError(
            'breakGlassAdminId',
            'INVALID',
            'This admin has no password here, so cannot break the glass. Choose one who has.',
          ),
        );
      next.breakGlassMemberId = admin?.id ?? null;
    }
    if (changes.ssoOnly !== undefined) next.ssoOnly = changes.ssoOnly;
    if (next.ssoOnly && !next.breakGlassMemberId)
      return refused(
        'connection',
        fieldError(
          changes.ssoOnly ? 'ssoOnly' : 'breakGlassAdminId',
          'NOT_ALLOWED',
          'Name a break-glass admin first: with SSO-only on, they are the one who can still sign in if the provider fails.',
        ),
      );
    if (next.ssoOnly && !connection.ssoOnly) {
      const verified = await db
        .getRepository(SsoDomainEntity)
        .count({ where: { connectionId: connection.id, verifiedAt: Not(IsNull()) } });
      if (!verified)
        return refused(
          'connection',
          fieldError('ssoOnly', 'NOT_ALLOWED', 'Add and verify a domain before making it SSO-only.'),
        );
    }
    await db.getRepository(SsoConnectionEntity).update(
      { id: connection.id },
      {
        name: next.name,
        groupsClaim: next.groupsClaim,
        oidcClientSecret: next.oidcClientSecret,
        samlCertificates: next.samlCertificates,
        samlLogoutUrl: next.samlLogoutUrl,
        roleMappings: next.roleMappings,
        breakGlassMemberId: next.breakGlassMemberId,
        ssoOnly: next.ssoOnly,
      },
    );
    // New certificates are looked at now, not at tomorrow's check: one already close to expiry is warned of today.
    if (changes.certificates !== undefined) await scheduleCertificateCheck(db, connection.id, new Date());
    return { connection: next, userErrors: [] };
  });
}

async function mappingErrors(
  db: TenantDb,
  mappings: readonly { clientId: string | null }[],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [index, mapping] of mappings.entries()) {
    if (mapping.clientId && !(await clientOf(db, mapping.clientId)))
      errors.push(notFound(`roleMappings.${index}.clientId`, 'client'));
  }
  return errors;
}

/** Its domains stop routing at once; people who signed in through it keep their accounts (and sessions). */
export async function removeSsoConnection(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'RemoveSsoConnectionPayload'>> {
  return context.db.write(async (db) => {
    const connection = await lockById(db, SsoConnectionEntity, id);
    if (!connection) return refused('removedId', notFound('id', 'single sign-on connection'));
    const domains = await db.getRepository(SsoDomainEntity).findBy({ connectionId: id });
    for (const domain of domains)
      if (domain.verifiedAt) await db.query('SELECT release_sso_domain($1)', [domain.domain]);
    await db.getRepository(SsoConnectionEntity).delete({ id });
    return { removedId: id, userErrors: [] };
  });
}
