import type { RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { ProgrammeReportEntity } from './entities.js';
import type { ProgrammeReportMapper } from './mappers.js';

/** A client's reports, newest first; the file itself is read only by the download. */
export async function programmeReportsOfClient(
  context: RequestContext,
  clientId: string,
  last: number,
): Promise<ProgrammeReportMapper[]> {
  if (!Number.isInteger(last) || last < 1 || last > 100)
    throw badInput('last', 'last must be a whole number from 1 to 100.');
  return context.db.read((db) =>
    db
      .getRepository(ProgrammeReportEntity)
      .find({ where: { clientId }, order: { createdAt: 'DESC', id: 'DESC' }, take: last }),
  );
}
