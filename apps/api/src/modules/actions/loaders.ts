import { In, IsNull, Not } from 'typeorm';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { findingsFollowedUp } from '../audits/index.js';
import { publishedPromiseTitles } from '../charters/index.js';
import { ActionEntity, ActionNoteEntity, type ActionNoteRow, type ActionRow } from './entities.js';
import type { ActionFindingMapper } from './mappers.js';

export const actionsOfClient = perRequest<string, ActionRow[]>(
  'actionsOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ActionEntity).find({
        where: { clientId: In([...clientIds]) },
        order: { dueOn: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
      }),
    );
    return manyEach(clientIds, rows, (row) => row.clientId);
  },
);

export const notesOfAction = perRequest<string, ActionNoteRow[]>(
  'notesOfAction',
  async (context, actionIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ActionNoteEntity).find({
        where: { actionId: In([...actionIds]) },
        order: { createdAt: 'ASC' },
      }),
    );
    return manyEach(actionIds, rows, (row) => row.actionId);
  },
);

/**
 * For actions raised from a finding: the criterion on the audit that raised it, and on the next published audit on
 * the same framework for the same client. Audits the viewer may not see (RLS) simply come back empty.
 */
export const findingOfAction = perRequest<ActionRow, ActionFindingMapper>(
  'findingOfAction',
  async (context, actions) => {
    const ids = actions.map((a) => a.id);
    const findings = actions.flatMap((a) =>
      a.auditId ? [{ key: a.id, auditId: a.auditId, criterionKey: a.criterionKey }] : [],
    );
    const views = (await findingsFollowedUp(context, findings)).map(
      ({ key, ...progress }): ActionFindingMapper => ({
        actionId: key,
        ...progress,
      }),
    );
    return oneEach(ids, views, (view) => view.actionId).map((view, index) => {
      if (view) return view;
      const action = actions[index]!;
      return {
        actionId: action.id,
        auditId: action.auditId ?? '',
        criterionKey: action.criterionKey ?? '',
        criterionPrompt: null,
        visibleAuditId: null,
        reauditId: null,
        pointsBefore: null,
        pointsAfter: null,
        change: null,
        improved: null,
      };
    });
  },
);

/** The promise's title in the client's latest published charter version that still has it. */
export const promiseTitle = perRequest<ActionRow, string | null>('promiseTitle', async (context, actions) => {
  const promises = actions.flatMap(({ charterId, promiseKey }) =>
    charterId && promiseKey ? [{ charterId, promiseKey }] : [],
  );
  const titles = new Map(
    (await publishedPromiseTitles(context, promises)).map((p) => [`${p.charterId} ${p.promiseKey}`, p.title]),
  );
  return actions.map((a) => titles.get(`${a.charterId} ${a.promiseKey}`) ?? null);
});

/** Each touch point's actions that are not done, soonest due first (those without a due date last). */
export const openActionsOfTouchPoint = perRequest<string, ActionRow[]>(
  'openActionsOfTouchPoint',
  async (context, touchPointIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ActionEntity).find({
        where: { touchPointId: In([...touchPointIds]), status: In(['OPEN', 'IN_PROGRESS']) },
        order: { dueOn: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
      }),
    );
    return manyEach(touchPointIds, rows, (row) => row.touchPointId ?? '');
  },
);

/** The actions raised from each complaint, newest first (for the complaints module). */
export const actionsOfComplaint = perRequest<string, ActionRow[]>(
  'actionsOfComplaint',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ActionEntity).find({
        where: { complaintId: In([...ids]) },
        order: { createdAt: 'DESC', id: 'DESC' },
      }),
    );
    return manyEach(ids, rows, (row) => row.complaintId!);
  },
);

/** The done actions of a client raised from complaints: when each was done and on which complaint. */
export async function doneComplaintActions(
  db: TenantDb,
  clientId: string,
): Promise<{ actionId: string; complaintId: string; doneAt: Date }[]> {
  const rows = await db.getRepository(ActionEntity).find({
    select: { id: true, complaintId: true, completedAt: true },
    where: { clientId, status: 'DONE', complaintId: Not(IsNull()) },
  });
  return rows
    .filter((row) => row.completedAt !== null)
    .map((row) => ({ actionId: row.id, complaintId: row.complaintId!, doneAt: row.completedAt! }));
}

/** Whether any action was raised from this complaint category (its rising flag): then the category is archived, not deleted. */
export async function complaintCategoryHasActions(db: TenantDb, categoryId: string): Promise<boolean> {
  return db.getRepository(ActionEntity).existsBy({ complaintCategoryId: categoryId });
}

/** Actions by id, as far as the caller may see them (for other modules' fields that point at an action). */
export const actionById = perRequest<string, ActionRow | null>('actionById', async (context, ids) => {
  const rows = await context.db.read((db) => db.getRepository(ActionEntity).findBy({ id: In([...ids]) }));
  return oneEach(ids, rows, (row) => row.id);
});
