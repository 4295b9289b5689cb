import { randomBytes, randomUUID } from 'node:crypto';
import { check, domainVerificationRecord, fieldError, ssoDomain, txtRecordsProve } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { lockById } from '../../core/row-lock.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { SsoConnectionEntity, SsoDomainEntity, type SsoDomainRow } from './entities.js';

/** Binds a domain to a connection, unverified: it routes nobody until its TXT record is found. */
export async function addSsoDomain(
  context: RequestContext,
  input: { connectionId: string; domain: string },
): Promise<Payload<'SsoDomainPayload'>> {
  const checked = check(ssoDomain, input.domain);
  if (!checked.ok)
    return refused('domain', ...checked.errors.map((error) => ({ ...error, field: 'domain' })));
  return context.db.write(async (db) => {
    const connection = isUuid(input.connectionId)
      ? await db.getRepository(SsoConnectionEntity).findOneBy({ id: input.connectionId })
      : null;
    if (!connection) return refused('domain', notFound('connectionId', 'single sign-on connection'));
    const repository = db.getRepository(SsoDomainEntity);
    if (await repository.findOneBy({ domain: checked.value }))
      return refused(
        'domain',
        fieldError('domain', 'TAKEN', 'This domain is already bound to a connection here.'),
      );
    const domain: SsoDomainRow = {
      tenantId: db.tenantId,
      id: randomUUID(),
      connectionId: connection.id,
      domain: checked.value,
      verificationToken: randomBytes(18).toString('base64url'),
      verifiedAt: null,
      createdAt: new Date(),
    };
    await repository.insert(domain);
    return { domain, userErrors: [] };
  });
}

/**
 * Looks the TXT record up now (the resolver is the API's, so tests bring their own DNS). Found, the domain routes
 * to its connection deployment-wide, unless another consultancy verified it first.
 */
export async function verifySsoDomain(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'SsoDomainPayload'>> {
  const found = isUuid(id)
    ? await context.db.read((db) => db.getRepository(SsoDomainEntity).findOneBy({ id }))
    : null;
  if (!found) return refused('domain', notFound('id', 'domain'));
  if (found.verifiedAt) return { domain: found, userErrors: [] };
  const record = domainVerificationRecord(found.domain, found.verificationToken);
  let answers: string[][] = [];
  try {
    answers = await context.settings.sso.resolveTxt(record.name);
  } catch {
    answers = [];
  }
  if (!txtRecordsProve(answers, record.value))
    return refused(
      'domain',
      fieldError(
        'id',
        'NOT_ALLOWED',
        `No TXT record ${record.name} with the value ${record.value} was found. DNS changes can take a while to show; try again later.`,
      ),
    );
  return context.db.write(async (db) => {
    const domain = await lockById(db, SsoDomainEntity, id);
    if (!domain) return refused('domain', notFound('id', 'domain'));
    const claimed: { claimed: boolean | null }[] = await db.query(
      'SELECT claim_sso_domain($1, $2) AS claimed',
      [domain.domain, domain.connectionId],
    );
    if (claimed[0]?.claimed !== true)
      return refused(
        'domain',
        fieldError('id', 'TAKEN', 'Another organisation on this service has verified this domain already.'),
      );
    domain.verifiedAt = new Date();
    await db.getRepository(SsoDomainEntity).update({ id }, { verifiedAt: domain.verifiedAt });
    return { domain, userErrors: [] };
  });
}

export async function removeSsoDomain(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'RemoveSsoDomainPayload'>> {
  return context.db.write(async (db) => {
    const domain = await lockById(db, SsoDomainEntity, id);
    if (!domain) return refused('removedId', notFound('id', 'domain'));
    if (domain.verifiedAt) await db.query('SELECT release_sso_domain($1)', [domain.domain]);
    await db.getRepository(SsoDomainEntity).delete({ id });
    return { removedId: id, userErrors: [] };
  });
}
