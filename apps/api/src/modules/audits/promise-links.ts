import { check, fieldError, frameworkCriteria, promiseLinkInput } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { requireActor } from '../../core/auth/viewer.js';
import { PromiseCriterionLinkEntity, type PromiseCriterionLinkRow } from './entities.js';
import { charterHasPromise, lockCharter } from '../charters/index.js';
import { lookUpFramework } from './frameworks.js';
import { refused, type Payload } from '../../core/payloads.js';

/** By promise, then framework and criterion (the table's primary key order). */
export async function listPromiseLinks(
  context: RequestContext,
  charterId: string,
): Promise<PromiseCriterionLinkRow[]> {
  if (!isUuid(charterId)) return [];
  return context.db.read((db) =>
    db.getRepository(PromiseCriterionLinkEntity).find({
      where: { charterId },
      order: { promiseKey: 'ASC', frameworkKey: 'ASC', criterionKey: 'ASC' },
    }),
  );
}

/**
 * Replaces which criteria of one framework test one promise. The promise may be in any version of the charter
 * (a draft's new promise can be linked before it is published); the criteria must be in the framework's latest
 * version, since that is what the next audits will use. The charter is checked through the charters module's public
 * functions (lockCharter, charterHasPromise), never by reading its tables here.
 */
export async function linkPromiseToCriteria(
  context: RequestContext,
  { charterId, ...input }: { charterId: string } & Record<string, unknown>,
): Promise<Payload<'PromiseLinksPayload'>> {
  const checked = check(promiseLinkInput, input);
  if (!checked.ok) return refused('links', ...checked.errors);
  const { promiseKey, frameworkKey, criterionKeys } = checked.value;
  const { tenantId } = requireActor(context.viewer);
  return context.db.write(async (db) => {
    // Locked so that two replacements of the same links run one after the other instead of colliding.
    const charter = isUuid(charterId) ? await lockCharter(context, db, charterId) : null;
    if (!charter) return refused('links', notFound('charterId', 'charter'));
    if (!(await charterHasPromise(context, db, charterId, promiseKey))) {
      return refused(
        'links',
        fieldError('promiseKey', 'NOT_FOUND', 'This charter has no promise with this key.'),
      );
    }
    const framework = await lookUpFramework(db, frameworkKey);
    if (!framework.definition) {
      return refused('links', fieldError('frameworkKey', 'NOT_FOUND', 'No framework has this key.'));
    }
    const known = new Set(frameworkCriteria(framework.definition).map(({ criterion }) => criterion.key));
    const unknown = criterionKeys.flatMap((key, index) =>
      known.has(key)
        ? []
        : [fieldError(`criterionKeys.${index}`, 'NOT_FOUND', `The framework has no criterion "${key}".`)],
    );
    if (unknown.length) return refused('links', ...unknown);

    const repository = db.getRepository(PromiseCriterionLinkEntity);
    await repository.delete({ charterId, promiseKey, frameworkKey });
    const now = new Date();
    const links: PromiseCriterionLinkRow[] = criterionKeys.map((criterionKey) => ({
      tenantId,
      clientId: charter.clientId,
      charterId,
      promiseKey,
      frameworkKey,
      criterionKey,
      createdAt: now,
    }));
    if (links.length) await repository.insert(links);
    return { links: [...links].sort((a, b) => a.criterionKey.localeCompare(b.criterionKey)), userErrors: [] };
  });
}
