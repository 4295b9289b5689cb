import type { Resolvers } from '../../generated/resolvers.js';
import { benchmarkOf } from './benchmarks.js';
import { deltasOf, previousAudit, promisesKeptOf, scoresOf, trendOf } from './scores.js';

export const scoreResolvers: Resolvers = {
  Audit: {
    scores: (audit, _, context) => scoresOf(context, audit),
    previous: (audit, _, context) => previousAudit(context, audit),
    deltas: (audit, _, context) => deltasOf(context, audit),
    trend: (audit, _, context) => trendOf(context, audit),
    benchmark: (audit, _, context) => benchmarkOf(context, audit),
    promisesKept: (audit, _, context) => promisesKeptOf(context, audit),
  },
  AuditScores: {
    overall: (scores) => (scores.stored ? scores.stored.overall : scores.scored().then((s) => s.overall)),
    flagged: (scores) => (scores.stored ? scores.stored.flagged : scores.scored().then((s) => s.flagged)),
    sections: async (scores) => (await scores.scored()).sections,
    criteria: async (scores) => (await scores.scored()).criteria,
    flags: async (scores) => (await scores.scored()).flags,
    answered: async (scores) => (await scores.scored()).answered,
    notApplicable: async (scores) => (await scores.scored()).notApplicable,
    total: async (scores) => (await scores.scored()).total,
  },
  TrendPoint: {
    sections: (point) => Object.entries(point.sections).map(([key, score]) => ({ key, score })),
  },
};
