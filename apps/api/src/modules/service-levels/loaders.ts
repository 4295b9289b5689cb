import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { publishedPromisesOfClients } from '../charters/index.js';
import {
  ServiceLevelCorrectionEntity,
  ServiceLevelEntity,
  ServiceLevelVersionEntity,
  type ServiceLevelCorrectionRow,
  type ServiceLevelMeasurementRow,
  type ServiceLevelPeriodRow,
  type ServiceLevelRow,
  type ServiceLevelVersionRow,
} from './entities.js';

export const serviceLevelById = perRequest<string, ServiceLevelRow | null>(
  'serviceLevelById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ServiceLevelEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

/** The promises (key and title, in the charter's order) of each client's charter in force; empty when none. */
export const promisesInForce = perRequest<string, { key: string; title: string }[]>(
  'serviceLevelPromisesInForce',
  async (context, clientIds) => {
    const charters = await publishedPromisesOfClients(context, clientIds);
    return oneEach(clientIds, charters, (c) => c.clientId).map((charter) => charter?.promises ?? []);
  },
);

/** Each client's service levels, in the order of their promises in the charter in force; removed promises last. */
export const serviceLevelsOfClient = perRequest<string, ServiceLevelRow[]>(
  'serviceLevelsOfClient',
  async (context, clientIds) => {
    const [rows, promises] = await Promise.all([
      context.db.read((db) =>
        db.getRepository(ServiceLevelEntity).find({
          where: { clientId: In([...clientIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
      ),
      promisesInForce(context).loadMany(clientIds),
    ]);
    return manyEach(clientIds, rows, (row) => row.clientId).map((levels, index) => {
      const inForce = promises[index];
      const keys = Array.isArray(inForce) ? inForce.map((p) => p.key) : [];
      const position = (level: ServiceLevelRow) => {
        const at = keys.indexOf(level.promiseKey);
        return at < 0 ? keys.length : at;
      };
      return [...levels].sort((a, b) => position(a) - position(b));
    });
  },
);

/** The service level measuring a promise, by `<clientId> <promiseKey>`: one statement for a charter's promises. */
export const serviceLevelOfPromise = perRequest<string, ServiceLevelRow | null>(
  'serviceLevelOfPromise',
  async (context, keys) => {
    const wanted = keys.map((key) => {
      const [clientId = '', ...rest] = key.split(' ');
      return { clientId, promiseKey: rest.join(' ') };
    });
    const rows = await context.db.read((db) => db.getRepository(ServiceLevelEntity).find({ where: wanted }));
    return oneEach(keys, rows, (row) => `${row.clientId} ${row.promiseKey}`);
  },
);

/** Every definition version, oldest first. */
export const versionsOfServiceLevel = perRequest<string, ServiceLevelVersionRow[]>(
  'versionsOfServiceLevel',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ServiceLevelVersionEntity).find({
        where: { serviceLevelId: In([...ids]) },
        order: { number: 'ASC' },
      }),
    );
    return manyEach(ids, rows, (row) => row.serviceLevelId);
  },
);

/** The key of `periodRows`: a service level's period rows from `from` on (or all of them). */
export const periodRowsKey = (serviceLevelId: string, from: Date | null) =>
  `${serviceLevelId} ${from ? from.getTime() : ''}`;

/**
 * Period rows (the rollup of the measurements), oldest first: one statement for every service level and every
 * field of a request that asks for periods, whatever the number of periods asked for.
 */
export const periodRows = perRequest<string, ServiceLevelPeriodRow[]>(
  'serviceLevelPeriodRows',
  async (context, keys) => {
    const wanted = keys.map((key) => {
      const [id = '', from = ''] = key.split(' ');
      return { id, from: from ? Number(from) : null };
    });
    // Per service level, from the earliest point any key asks for.
    const earliest = new Map<string, number>();
    for (const { id, from } of wanted) {
      const at = from ?? -Infinity;
      earliest.set(id, Math.min(earliest.get(id) ?? Infinity, at));
    }
    const ids = [...earliest.keys()];
    const rows: {
      service_level_id: string;
      client_id: string;
      starts_at: Date;
      ends_at: Date;
      label: string;
      definition_version: number;
      good: string;
      valid: string;
      excluded: string;
      at_risk_announced_at: Date | null;
    }[] = await context.db.read((db) =>
      db.query(
        `SELECT p.service_level_id, p.client_id, p.starts_at, p.ends_at, p.label, p.definition_version,
                p.good, p.valid, p.excluded, p.at_risk_announced_at
           FROM unnest($2::uuid[], $3::timestamptz[]) AS w(id, since)
           JOIN service_level_periods p
             ON p.tenant_id = $1 AND p.service_level_id = w.id AND (w.since IS NULL OR p.starts_at >= w.since)
          ORDER BY p.service_level_id, p.starts_at`,
        [
          db.tenantId,
          ids,
          ids.map((id) => {
            const at = earliest.get(id)!;
            return Number.isFinite(at) ? new Date(at).toISOString() : null;
          }),
        ],
      ),
    );
    const periods: ServiceLevelPeriodRow[] = rows.map((row) => ({
      tenantId: '',
      serviceLevelId: row.service_level_id,
      clientId: row.client_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      label: row.label,
      definitionVersion: row.definition_version,
      good: Number(row.good),
      valid: Number(row.valid),
      excluded: Number(row.excluded),
      atRiskAnnouncedAt: row.at_risk_announced_at,
    }));
    const byLevel = manyEach(ids, periods, (p) => p.serviceLevelId);
    const ofLevel = new Map(ids.map((id, index) => [id, byLevel[index]!]));
    return wanted.map(({ id, from }) =>
      (ofLevel.get(id) ?? []).filter((p) => from === null || p.startsAt.getTime() >= from),
    );
  },
);

/** The key of `intervalsOfPeriod`: a service level and the start of one of its periods. */
export const periodKey = (serviceLevelId: string, start: Date) => `${serviceLevelId} ${start.getTime()}`;

/**
 * The measurements of one period per service level (the running one, for its projection): one statement for all
 * the service levels of a request.
 */
export const intervalsOfPeriod = perRequest<
  string,
  Pick<ServiceLevelMeasurementRow, 'startsAt' | 'endsAt' | 'good' | 'valid' | 'excluded'>[]
>('serviceLevelIntervalsOfPeriod', async (context, keys) => {
  const wanted = keys.map((key) => {
    const [id = '', start = '0'] = key.split(' ');
    return { id, start: new Date(Number(start)) };
  });
  const rows: {
    service_level_id: string;
    period_start: Date;
    starts_at: Date;
    ends_at: Date;
    good: number;
    valid: number;
    excluded: number | null;
  }[] = await context.db.read((db) =>
    db.query(
      `SELECT m.service_level_id, m.period_start, m.starts_at, m.ends_at, m.good, m.valid, m.excluded
         FROM unnest($2::uuid[], $3::timestamptz[]) AS w(id, period_start)
         JOIN service_level_measurements m
           ON m.tenant_id = $1 AND m.service_level_id = w.id AND m.period_start = w.period_start
        ORDER BY m.service_level_id, m.starts_at`,
      [db.tenantId, wanted.map((w) => w.id), wanted.map((w) => w.start.toISOString())],
    ),
  );
  return manyEach(keys, rows, (row) => periodKey(row.service_level_id, row.period_start)).map((list) =>
    list.map((row) => ({
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      good: row.good,
      valid: row.valid,
      excluded: row.excluded,
    })),
  );
});

/** Corrections of closed periods, newest first. */
export const correctionsOfServiceLevel = perRequest<string, ServiceLevelCorrectionRow[]>(
  'correctionsOfServiceLevel',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ServiceLevelCorrectionEntity).find({
        where: { serviceLevelId: In([...ids]) },
        order: { recordedAt: 'DESC', id: 'ASC' },
      }),
    );
    return manyEach(ids, rows, (row) => row.serviceLevelId);
  },
);
