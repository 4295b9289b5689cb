import { randomUUID } from 'node:crypto';
import { check, fieldError, isEngagementClosed, milestoneChanges, milestoneInput } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/user-errors.js';
import { MilestoneEntity, type MilestoneRow } from './entities.js';
import { lockEngagement } from './edit-engagement.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

const CLOSED = 'The engagement is closed, so its milestones can no longer change.';

export async function addMilestone(
  context: RequestContext,
  { engagementId, ...input }: { engagementId: string } & Record<string, unknown>,
): Promise<Payload<'MilestonePayload'>> {
  const checked = check(milestoneInput, input);
  if (!checked.ok) return refused('milestone', ...checked.errors);
  return context.db.write(async (db) => {
    const engagement = await lockEngagement(db, engagementId);
    if (!engagement) return refused('milestone', notFound('engagementId', 'engagement'));
    if (isEngagementClosed(engagement.status))
      return refused('milestone', fieldError('engagementId', 'NOT_ALLOWED', CLOSED));
    const now = new Date();
    const milestone: MilestoneRow = {
      tenantId: engagement.tenantId,
      id: randomUUID(),
      clientId: engagement.clientId,
      engagementId,
      title: checked.value.title,
      dueOn: checked.value.dueOn,
      phase: checked.value.phase ?? null,
      doneAt: checked.value.done ? now : null,
      createdAt: now,
    };
    await db.getRepository(MilestoneEntity).insert(milestone);
    return { milestone, userErrors: [] };
  });
}

export async function updateMilestone(
  context: RequestContext,
  { id, ...changes }: { id: string } & Record<string, unknown>,
): Promise<Payload<'MilestonePayload'>> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const checked = check(milestoneChanges, given);
  if (!checked.ok) return refused('milestone', ...checked.errors);
  return context.db.write(async (db) => {
    const repository = db.getRepository(MilestoneEntity);
    const found = await loadParent({ id }, 'milestone', (milestoneId) =>
      repository.findOneBy({ id: milestoneId }),
    );
    if (!found.ok) return refused('milestone', ...found.errors);
    const milestone = found.value;
    const engagement = await lockEngagement(db, milestone.engagementId);
    if (!engagement || isEngagementClosed(engagement.status))
      return refused('milestone', fieldError('id', 'NOT_ALLOWED', CLOSED));
    const value = checked.value;
    const next: MilestoneRow = {
      ...milestone,
      title: value.title ?? milestone.title,
      dueOn: value.dueOn ?? milestone.dueOn,
      phase: 'phase' in given ? (value.phase ?? null) : milestone.phase,
      doneAt: 'done' in given ? (value.done ? (milestone.doneAt ?? new Date()) : null) : milestone.doneAt,
    };
    await repository.update(
      { id },
      { title: next.title, dueOn: next.dueOn, phase: next.phase, doneAt: next.doneAt },
    );
    return { milestone: next, userErrors: [] };
  });
}

export async function removeMilestone(context: RequestContext, { id }: { id: string }) {
  return context.db.write(async (db) => {
    const repository = db.getRepository(MilestoneEntity);
    const found = await loadParent({ id }, 'milestone', (milestoneId) =>
      repository.findOneBy({ id: milestoneId }),
    );
    if (!found.ok) return refused('removedId', ...found.errors);
    const milestone = found.value;
    const engagement = await lockEngagement(db, milestone.engagementId);
    if (!engagement || isEngagementClosed(engagement.status)) {
      return refused('removedId', fieldError('id', 'NOT_ALLOWED', CLOSED));
    }
    await repository.delete({ id });
    return { removedId: id, userErrors: [] };
  });
}

/** Open milestones due by a date, overdue first; the home page's "what needs attention". */
export async function upcomingMilestones(
  context: RequestContext,
  args: { first?: number | null; dueBy?: string | null },
  today: string,
) {
  const limit = Math.min(Math.max(args.first ?? 20, 0), 100);
  const dueBy = args.dueBy ?? addDays(today, 14);
  return context.db.read((db) =>
    db
      .getRepository(MilestoneEntity)
      .createQueryBuilder('m')
      .andWhere('m.doneAt IS NULL')
      .andWhere('m.dueOn <= :dueBy', { dueBy })
      .orderBy('m.dueOn', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit)
      .getMany(),
  );
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
