import { charterDiff } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { isUuid } from '../../core/user-errors.js';
import type { CharterRow } from './entities.js';
import { charterOfClient, charterVersionById, versionsOfCharter } from './loaders.js';
import { draftOf, type CharterDiffMapper } from './mappers.js';

export async function findCharter(context: RequestContext, clientId: string): Promise<CharterRow | null> {
  if (!isUuid(clientId)) return null;
  return charterOfClient(context).load(clientId);
}

export async function versionNumbered(context: RequestContext, charter: CharterRow, number: number) {
  const versions = await versionsOfCharter(context).load(charter.id);
  return versions.find((version) => version.number === number) ?? null;
}

/**
 * The difference from one version of this charter to another. A version of another charter, or one the viewer
 * cannot see (a draft, for a client leader), answers null like an unknown id.
 */
export async function diffBetween(
  context: RequestContext,
  charter: CharterRow,
  fromVersionId: string,
  toVersionId: string,
): Promise<CharterDiffMapper | null> {
  if (!isUuid(fromVersionId) || !isUuid(toVersionId)) return null;
  const [from, to] = await Promise.all([
    charterVersionById(context).load(fromVersionId),
    charterVersionById(context).load(toVersionId),
  ]);
  if (!from || !to || from.charterId !== charter.id || to.charterId !== charter.id) return null;
  return { ...charterDiff(draftOf(from), draftOf(to)), from, to };
}
