import type { Resolvers } from '../../generated/resolvers.js';
import { benchmarkOf } from './benchmarks.js';
import { deltasOf, liveScores, previousAudit, promisesKeptOf, trendOf } from './scores.js';

export const scoreResolvers: Resolvers = {
  Audit: {
    scores: (audit, _, context) => liveScores(context, audit),
    previous: (audit, _, context) => previousAudit(context, audit),
    deltas: (audit, _, context) => deltasOf(context, audit),
    trend: (audit, _, context) => trendOf(context, audit),
    benchmark: (audit, _, context) => benchmarkOf(context, audit),
    promisesKept: (audit, _, context) => promisesKeptOf(context, audit),
  },
  TrendPoint: {
    sections: (point) => Object.entries(point.sections).map(([key, score]) => ({ key, score })),
  },
};
