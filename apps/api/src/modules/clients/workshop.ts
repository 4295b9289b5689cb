import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { check, workshopGaps, workshopInput, type FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { manyEach, perRequest } from '../../core/loaders.js';
import { requireActor } from '../../core/auth/viewer.js';
import { ClientEntity, WorkshopEntity, WorkshopEntryEntity, type WorkshopEntryRow } from './entities.js';
import { loadParent, refused } from '../../core/payloads.js';
import type { DifferentiationWorkshopMapper } from './mappers.js';

export const workshopOfClient = perRequest<string, DifferentiationWorkshopMapper>(
  'workshopOfClient',
  async (context, clientIds) => {
    const ids = [...clientIds];
    const [workshops, entries] = await context.db.read((db) =>
      Promise.all([
        db.getRepository(WorkshopEntity).findBy({ clientId: In(ids) }),
        db
          .getRepository(WorkshopEntryEntity)
          .find({ where: { clientId: In(ids) }, order: { position: 'ASC' } }),
      ]),
    );
    const entriesByClient = manyEach(clientIds, entries, (entry) => entry.clientId);
    return clientIds.map((clientId, index) => {
      const workshop = workshops.find((w) => w.clientId === clientId);
      const own = entriesByClient[index] ?? [];
      return {
        beliefs: own.filter((e) => e.kind === 'BELIEF'),
        values: own.filter((e) => e.kind === 'VALUE'),
        commonPurpose: workshop?.commonPurpose ?? null,
        pointOfDifferentiation: workshop?.pointOfDifferentiation ?? null,
        updatedAt: workshop?.updatedAt ?? null,
      };
    });
  },
);

export function gapsOf(view: DifferentiationWorkshopMapper): string[] {
  return workshopGaps({
    beliefs: view.beliefs.map(({ statement, linked }) => ({ statement, linked })),
    values: view.values.map(({ statement, linked }) => ({ statement, linked })),
    commonPurpose: view.commonPurpose,
    pointOfDifferentiation: view.pointOfDifferentiation,
  });
}

export async function saveWorkshop(
  context: RequestContext,
  { clientId, ...input }: { clientId: string } & Record<string, unknown>,
): Promise<{ workshop: DifferentiationWorkshopMapper | null; userErrors: FieldError[] }> {
  const checked = check(workshopInput, input);
  if (!checked.ok) return refused('workshop', ...checked.errors);
  const { tenantId } = requireActor(context.viewer);
  const workshop = checked.value;
  return context.db.write(async (db) => {
    const client = await loadParent({ clientId }, 'client', (id) =>
      db.getRepository(ClientEntity).findOneBy({ id }),
    );
    if (!client.ok) return refused('workshop', ...client.errors);
    const now = new Date();
    await db.getRepository(WorkshopEntity).upsert(
      {
        tenantId,
        clientId,
        commonPurpose: workshop.commonPurpose,
        pointOfDifferentiation: workshop.pointOfDifferentiation,
        updatedAt: now,
      },
      ['tenantId', 'clientId'],
    );
    await db.getRepository(WorkshopEntryEntity).delete({ clientId });
    const entries: WorkshopEntryRow[] = [
      ...workshop.beliefs.map((b, position) => ({ ...b, kind: 'BELIEF' as const, position })),
      ...workshop.values.map((v, position) => ({ ...v, kind: 'VALUE' as const, position })),
    ].map((entry) => ({ tenantId, id: randomUUID(), clientId, ...entry }));
    if (entries.length) await db.getRepository(WorkshopEntryEntity).insert(entries);
    const view: DifferentiationWorkshopMapper = {
      beliefs: entries.filter((e) => e.kind === 'BELIEF'),
      values: entries.filter((e) => e.kind === 'VALUE'),
      commonPurpose: workshop.commonPurpose,
      pointOfDifferentiation: workshop.pointOfDifferentiation,
      updatedAt: now,
    };
    return { workshop: view, userErrors: [] };
  });
}
