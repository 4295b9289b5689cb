import { In } from 'typeorm';
import { criterionImprovement, criterionPoints, isAuditScore, type AuditCriterion } from '@csp/domain';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { ActionEntity, ActionNoteEntity, type ActionNoteRow, type ActionRow } from './entities.js';

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

export interface FindingView {
  actionId: string;
  auditId: string;
  criterionKey: string;
  criterionPrompt: string | null;
  visibleAuditId: string | null;
  reauditId: string | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  change: number | null;
  improved: boolean | null;
}

interface FindingRow {
  action_id: string;
  audit_id: string;
  criterion_key: string;
  source_id: string | null;
  source_framework: { sections: { criteria: AuditCriterion[] }[] } | null;
  score_before: number | null;
  reaudit_id: string | null;
  reaudit_framework: { sections: { criteria: AuditCriterion[] }[] } | null;
  score_after: number | null;
}

function pointsOf(
  framework: FindingRow['source_framework'],
  key: string,
  score: number | null,
): number | null {
  const criterion = framework?.sections.flatMap((s) => s.criteria).find((c) => c.key === key);
  return criterion && isAuditScore(score) ? criterionPoints(criterion, score) : null;
}

/**
 * For actions raised from a finding: the criterion on the audit that raised it, and on the next published audit on
 * the same framework for the same client. Audits the viewer may not see (RLS) simply come back empty.
 */
export const findingOfAction = perRequest<ActionRow, FindingView>(
  'findingOfAction',
  async (context, actions) => {
    const ids = actions.map((a) => a.id);
    const rows: FindingRow[] = await context.db.read((db) =>
      db.query(
        `SELECT a.id AS action_id, a.audit_id, a.criterion_key, src.id AS source_id, src.framework AS source_framework,
              r1.score AS score_before, nxt.id AS reaudit_id, nxt.framework AS reaudit_framework, r2.score AS score_after
         FROM actions a
         LEFT JOIN audits src ON src.tenant_id = a.tenant_id AND src.id = a.audit_id
         LEFT JOIN audit_responses r1
                ON r1.tenant_id = a.tenant_id AND r1.audit_id = src.id AND r1.criterion_key = a.criterion_key
         LEFT JOIN LATERAL (
                SELECT n.id, n.framework FROM audits n
                 WHERE n.tenant_id = src.tenant_id AND n.client_id = src.client_id
                   AND n.framework_key = src.framework_key AND n.status = 'PUBLISHED' AND n.id <> src.id
                   AND (n.conducted_on, n.created_at) > (src.conducted_on, src.created_at)
                 ORDER BY n.conducted_on, n.created_at LIMIT 1) nxt ON true
         LEFT JOIN audit_responses r2
                ON r2.tenant_id = a.tenant_id AND r2.audit_id = nxt.id AND r2.criterion_key = a.criterion_key
        WHERE a.tenant_id = $2 AND a.id = ANY($1) AND a.audit_id IS NOT NULL`,
        [ids, db.tenantId],
      ),
    );
    const views = rows.map((row): FindingView => {
      const before = pointsOf(row.source_framework, row.criterion_key, row.score_before);
      const after = pointsOf(row.reaudit_framework, row.criterion_key, row.score_after);
      const prompt = row.source_framework?.sections
        .flatMap((s) => s.criteria)
        .find((c) => c.key === row.criterion_key)?.prompt;
      const { change, improved } = criterionImprovement(before, after);
      return {
        actionId: row.action_id,
        auditId: row.audit_id,
        criterionKey: row.criterion_key,
        criterionPrompt: prompt ?? null,
        visibleAuditId: row.source_id,
        reauditId: row.reaudit_id,
        pointsBefore: before,
        pointsAfter: after,
        change,
        improved,
      };
    });
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
  const rows: { action_id: string; title: string }[] = await context.db.read((db) =>
    db.query(
      `SELECT DISTINCT ON (a.id) a.id AS action_id, p ->> 'title' AS title
         FROM actions a
         JOIN charter_versions v ON v.tenant_id = a.tenant_id AND v.charter_id = a.charter_id AND v.status = 'PUBLISHED'
         CROSS JOIN LATERAL jsonb_array_elements(v.promises) p
        WHERE a.tenant_id = $2 AND a.id = ANY($1) AND p ->> 'key' = a.promise_key
        ORDER BY a.id, v.number DESC`,
      [actions.map((a) => a.id), db.tenantId],
    ),
  );
  return oneEach(
    actions.map((a) => a.id),
    rows,
    (row) => row.action_id,
  ).map((row) => row?.title ?? null);
});
