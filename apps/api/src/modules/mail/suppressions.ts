import { fieldError, mailAddressKey } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { Payload } from '../../core/payloads.js';
import { refused } from '../../core/payloads.js';
import { MailSuppressionEntity } from './entities.js';

export function listSuppressions(context: RequestContext) {
  return context.db.read((db) =>
    db.getRepository(MailSuppressionEntity).find({ order: { createdAt: 'DESC', address: 'ASC' } }),
  );
}

export async function liftSuppression(
  context: RequestContext,
  input: { address: string },
): Promise<Payload<'LiftMailSuppressionPayload'>> {
  const address = mailAddressKey(input.address);
  return context.db.write(async (db) => {
    const [, removed] = (await db.query(
      'DELETE FROM mail_suppressions WHERE tenant_id = $1 AND address = $2',
      [db.tenantId, address],
    )) as [unknown, number];
    if (!removed) {
      return refused(
        'address',
        fieldError('address', 'NOT_FOUND', 'Mail to this address is not suppressed: it is sent as usual.'),
      );
    }
    return { address, userErrors: [] };
  });
}
