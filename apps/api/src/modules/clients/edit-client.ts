import { randomUUID } from 'node:crypto';
import { MONTHLY_REPORT_JOB, check, clientChanges, clientInput, nextMonthlyReportAt } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { scheduleWork } from '../../core/scheduled-work.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { requireActor } from '../../core/auth/viewer.js';
import { ClientEntity, type ClientRow } from './entities.js';
import { refused, type Payload } from '../../core/payloads.js';

export async function createClient(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'ClientPayload'>> {
  const checked = check(clientInput, input);
  if (!checked.ok) return refused('client', ...checked.errors);
  const { tenantId } = requireActor(context.viewer);
  const now = new Date();
  const status = checked.value.status ?? 'PROSPECT';
  const client: ClientRow = {
    tenantId,
    id: randomUUID(),
    name: checked.value.name,
    industry: checked.value.industry,
    size: checked.value.size ?? null,
    region: checked.value.region,
    status,
    archivedAt: status === 'ARCHIVED' ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  return context.db.write(async (db) => {
    await db.getRepository(ClientEntity).insert(client);
    // The client's first monthly report, run by the reports module's job. Scheduled by name and time from the
    // domain rather than through reports/index.ts, which imports this module: no cycle between the two.
    await scheduleWork(db, { job: MONTHLY_REPORT_JOB, key: client.id, runAt: nextMonthlyReportAt(now) });
    return { client, userErrors: [] };
  });
}

export async function updateClient(
  context: RequestContext,
  { id, ...changes }: { id: string } & Record<string, unknown>,
): Promise<Payload<'ClientPayload'>> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const checked = check(clientChanges, given);
  if (!checked.ok) return refused('client', ...checked.errors);
  return context.db.write(async (db) => {
    const repository = db.getRepository(ClientEntity);
    const client = isUuid(id)
      ? await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!client) return refused('client', notFound('id', 'client'));
    const now = new Date();
    const next: ClientRow = { ...client, ...withoutNulls(checked.value), updatedAt: now };
    if ('size' in given) next.size = checked.value.size ?? null;
    if ('region' in given) next.region = checked.value.region ?? null;
    next.archivedAt = next.status === 'ARCHIVED' ? (client.archivedAt ?? now) : null;
    await repository.update(
      { id },
      {
        name: next.name,
        industry: next.industry,
        size: next.size,
        region: next.region,
        status: next.status,
        archivedAt: next.archivedAt,
        updatedAt: now,
      },
    );
    return { client: next, userErrors: [] };
  });
}

/** Archiving keeps everything; it only takes the client out of the active lists. Archiving twice is harmless. */
export function archiveClient(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'ClientPayload'>> {
  return updateClient(context, { id, status: 'ARCHIVED' });
}

function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}
