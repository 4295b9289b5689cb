import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { check, engagementChanges, engagementInput, fieldError, isEngagementClosed } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { lockById } from '../../core/row-lock.js';
import { notFound } from '../../core/user-errors.js';
import { requireActor } from '../../core/auth/viewer.js';
import { clientClosedToNewWork } from '../clients/index.js';
import { EngagementEntity, MilestoneEntity, TeamMemberEntity, type EngagementRow } from './entities.js';
import { checkConsultants } from './references.js';
import { refused, type Payload } from '../../core/payloads.js';

/** Locks the engagement for the rest of the mutation, so two concurrent status changes cannot both pass the rule. */
export async function lockEngagement(db: TenantDb, id: string): Promise<EngagementRow | null> {
  return lockById(db, EngagementEntity, id);
}

export async function createEngagement(
  context: RequestContext,
  { clientId, ...input }: { clientId: string } & Record<string, unknown>,
): Promise<Payload<'EngagementPayload'>> {
  const checked = check(engagementInput, input);
  if (!checked.ok) return refused('engagement', ...checked.errors);
  const viewer = requireActor(context.viewer);
  const value = checked.value;
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, clientId);
    if (closed) return refused('engagement', closed);
    const leadConsultantId = value.leadConsultantId ?? viewer.memberId;
    const peopleErrors = await checkConsultants(db, leadConsultantId, value.teamMemberIds);
    if (peopleErrors.length) return refused('engagement', ...peopleErrors);
    const now = new Date();
    const engagement: EngagementRow = {
      tenantId: viewer.tenantId,
      id: randomUUID(),
      clientId,
      title: value.title,
      kind: value.kind,
      status: 'PROPOSED',
      summary: value.summary,
      startsOn: value.startsOn ?? null,
      endsOn: value.endsOn ?? null,
      phase: value.phase ?? null,
      leadConsultantId,
      createdAt: now,
      updatedAt: now,
    };
    await db.getRepository(EngagementEntity).insert(engagement);
    await replaceTeam(db, engagement, value.teamMemberIds ?? []);
    const milestones = (value.milestones ?? []).map((m) => ({
      tenantId: viewer.tenantId,
      id: randomUUID(),
      clientId,
      engagementId: engagement.id,
      title: m.title,
      dueOn: m.dueOn,
      phase: m.phase ?? null,
      doneAt: m.done ? now : null,
      createdAt: now,
    }));
    if (milestones.length) await db.getRepository(MilestoneEntity).insert(milestones);
    return { engagement, userErrors: [] };
  });
}

async function replaceTeam(db: TenantDb, engagement: EngagementRow, memberIds: readonly string[]) {
  const team = db.getRepository(TeamMemberEntity);
  await team.delete({ engagementId: engagement.id });
  const rows = [...new Set(memberIds)].map((userId) => ({
    tenantId: engagement.tenantId,
    clientId: engagement.clientId,
    engagementId: engagement.id,
    userId,
  }));
  if (rows.length) await team.insert(rows);
}

export async function updateEngagement(
  context: RequestContext,
  { id, ...changes }: { id: string } & Record<string, unknown>,
): Promise<Payload<'EngagementPayload'>> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const checked = check(engagementChanges, given);
  if (!checked.ok) return refused('engagement', ...checked.errors);
  const value = checked.value;
  return context.db.write(async (db) => {
    const engagement = await lockEngagement(db, id);
    if (!engagement) return refused('engagement', notFound('id', 'engagement'));
    if (isEngagementClosed(engagement.status)) {
      return refused(
        'engagement',
        fieldError('id', 'NOT_ALLOWED', 'This engagement is closed and can no longer change.'),
      );
    }
    const next: EngagementRow = {
      ...engagement,
      title: value.title ?? engagement.title,
      kind: value.kind ?? engagement.kind,
      summary: 'summary' in given ? (value.summary ?? null) : engagement.summary,
      startsOn: 'startsOn' in given ? (value.startsOn ?? null) : engagement.startsOn,
      endsOn: 'endsOn' in given ? (value.endsOn ?? null) : engagement.endsOn,
      phase: 'phase' in given ? (value.phase ?? null) : engagement.phase,
      leadConsultantId:
        'leadConsultantId' in given ? (value.leadConsultantId ?? null) : engagement.leadConsultantId,
      updatedAt: new Date(),
    };
    if (next.startsOn && next.endsOn && next.endsOn < next.startsOn) {
      return refused(
        'engagement',
        fieldError('endsOn', 'INVALID', 'The end date must be on or after the start date.'),
      );
    }
    const peopleErrors = await checkConsultants(db, value.leadConsultantId, value.teamMemberIds);
    if (peopleErrors.length) return refused('engagement', ...peopleErrors);
    const { tenantId: _t, id: _i, clientId: _c, createdAt: _a, status: _s, ...columns } = next;
    await db.getRepository(EngagementEntity).update({ id }, columns);
    if (value.teamMemberIds) await replaceTeam(db, next, value.teamMemberIds);
    return { engagement: next, userErrors: [] };
  });
}
