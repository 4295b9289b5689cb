import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import {
  CandidateScoreEntity,
  CandidateScorecardEntity,
  HiringCriterionEntity,
  RoleProfileEntity,
  type CandidateScoreRow,
  type CandidateScorecardRow,
  type HiringCriterionRow,
  type RoleProfileRow,
} from './entities.js';

export const roleProfileById = perRequest<string, RoleProfileRow | null>(
  'roleProfileById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(RoleProfileEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

export const roleProfilesOfClient = perRequest<string, RoleProfileRow[]>(
  'roleProfilesOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(RoleProfileEntity).find({
        where: { clientId: In([...clientIds]) },
        order: { title: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(clientIds, rows, (row) => row.clientId);
  },
);

export const criteriaOfProfile = perRequest<string, HiringCriterionRow[]>(
  'criteriaOfProfile',
  async (context, profileIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(HiringCriterionEntity).find({
        where: { profileId: In([...profileIds]) },
        order: { position: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(profileIds, rows, (row) => row.profileId);
  },
);

export const scorecardsOfProfile = perRequest<string, CandidateScorecardRow[]>(
  'scorecardsOfProfile',
  async (context, profileIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CandidateScorecardEntity).find({
        where: { profileId: In([...profileIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(profileIds, rows, (row) => row.profileId);
  },
);

export const scoresOfScorecard = perRequest<string, CandidateScoreRow[]>(
  'scoresOfScorecard',
  async (context, scorecardIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CandidateScoreEntity).findBy({ scorecardId: In([...scorecardIds]) }),
    );
    return manyEach(scorecardIds, rows, (row) => row.scorecardId);
  },
);
