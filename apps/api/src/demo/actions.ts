import type { RequestContext } from '../core/context.js';
import { addDays } from '../modules/engagements/index.js';
import { createAction, updateAction } from '../modules/actions/index.js';
import { publishedPromisesOfClients } from '../modules/charters/index.js';
import type { DemoClientRef } from './demo-programme.js';

export interface DemoOwners {
  consultantId: string;
  /** Client id → the id of a leader of that client, where it has one. */
  leaderOf: Map<string, string>;
}

interface Finding {
  audit_id: string;
  criterion_key: string;
  prompt: string;
}

/** The weakest criteria of a client's latest published audit: where follow-up actions come from. */
async function weakestFindings(context: RequestContext, clientId: string, count: number): Promise<Finding[]> {
  return context.db.read((db) =>
    db.query(
      `WITH latest AS (
         SELECT id, framework FROM audits WHERE tenant_id = $3 AND client_id = $1 AND status = 'PUBLISHED'
          ORDER BY conducted_on DESC, created_at DESC LIMIT 1)
       SELECT r.audit_id, r.criterion_key, c ->> 'prompt' AS prompt
         FROM latest l
         JOIN audit_responses r ON r.tenant_id = $3 AND r.audit_id = l.id AND r.score IS NOT NULL
         CROSS JOIN LATERAL jsonb_array_elements(l.framework -> 'sections') s
         CROSS JOIN LATERAL jsonb_array_elements(s -> 'criteria') c
        WHERE c ->> 'key' = r.criterion_key
        -- Worst first: a low score, or a high one where high means trouble (the five obstacles).
        ORDER BY CASE WHEN (c ->> 'highIsBad')::boolean THEN 6 - r.score ELSE r.score END, r.criterion_key
        LIMIT $2`,
      [clientId, count, db.tenantId],
    ),
  );
}

async function firstPromise(context: RequestContext, clientId: string) {
  const [charter] = await publishedPromisesOfClients(context, [clientId]);
  const promise = charter?.promises[0];
  return charter && promise
    ? { charterId: charter.charterId, promiseKey: promise.key, title: promise.title }
    : null;
}

/**
 * Follow-ups for every demo client: from the weakest criteria of its latest audit, some owned by the client's
 * leader and some by a consultant, some overdue and one done; and one from a charter promise.
 */
export async function seedActionsDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  today: string,
  owners: DemoOwners,
) {
  const dueIns = [-6, 10, 24];
  for (const client of clients) {
    const findings = await weakestFindings(context, client.id, 3);
    for (const [index, finding] of findings.entries()) {
      const ownerId = (index === 0 && owners.leaderOf.get(client.id)) || owners.consultantId;
      const created = await createAction(context, {
        clientId: client.id,
        description: `Agree and start one change that lifts this: ${finding.prompt}`,
        ownerId,
        dueOn: addDays(today, dueIns[index] ?? 30),
        priority: index === 0 ? 'HIGH' : 'MEDIUM',
        auditId: finding.audit_id,
        criterionKey: finding.criterion_key,
      });
      if (created.userErrors.length)
        throw new Error(`Demo action refused: ${JSON.stringify(created.userErrors)}`);
      if (index === 2 && created.action) {
        await updateAction(context, { id: created.action.id, expectedRevision: 1, status: 'DONE' });
      }
    }
    const promise = await firstPromise(context, client.id);
    if (promise) {
      const created = await createAction(context, {
        clientId: client.id,
        description: `Check each team can show how it keeps the promise “${promise.title}”.`,
        ownerId: owners.leaderOf.get(client.id) ?? owners.consultantId,
        dueOn: addDays(today, -2),
        priority: 'MEDIUM',
        charterId: promise.charterId,
        promiseKey: promise.promiseKey,
      });
      if (created.userErrors.length)
        throw new Error(`Demo action refused: ${JSON.stringify(created.userErrors)}`);
    }
  }
}
