import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import {
  EngagementEntity,
  MilestoneEntity,
  TeamMemberEntity,
  type EngagementRow,
  type MilestoneRow,
  type TeamMemberRow,
} from './entities.js';

export const engagementById = perRequest<string, EngagementRow | null>(
  'engagementById',
  async (context, ids) => {
    const rows = await context.db.read((db) => db.rows(EngagementEntity, { id: ids }));
    return oneEach(ids, rows, (row) => row.id);
  },
);

export const engagementsOfClient = perRequest<string, EngagementRow[]>(
  'engagementsOfClient',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.rows(EngagementEntity, { clientId: ids }, [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ]),
    );
    return manyEach(ids, rows, (row) => row.clientId);
  },
);

export const milestonesOfEngagement = perRequest<string, MilestoneRow[]>(
  'milestonesOf',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.rows(MilestoneEntity, { engagementId: ids }, [
        ['dueOn', 'ASC'],
        ['id', 'ASC'],
      ]),
    );
    return manyEach(ids, rows, (row) => row.engagementId);
  },
);

export const teamOfEngagement = perRequest<string, TeamMemberRow[]>('teamOf', async (context, ids) => {
  const rows = await context.db.read((db) => db.rows(TeamMemberEntity, { engagementId: ids }));
  return manyEach(ids, rows, (row) => row.engagementId);
});
