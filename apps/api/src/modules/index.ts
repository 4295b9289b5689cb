import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntitySchema } from 'typeorm';
import type { ApiModule, ApiRoute } from '../core/api-module.js';
import type { ScheduledJob } from '../core/scheduled-work.js';
import type { Resolvers } from '../generated/resolvers.js';
import { accounts } from './accounts/index.js';
import { actions } from './actions/index.js';
import { activity } from './activity/index.js';
import { apiKeys } from './api-keys/index.js';
import { audits } from './audits/index.js';
import { charters } from './charters/index.js';
import { clients } from './clients/index.js';
import { complaints } from './complaints/index.js';
import { consultancy } from './consultancy/index.js';
import { engagements } from './engagements/index.js';
import { feedback } from './feedback/index.js';
import { hiring } from './hiring/index.js';
import { mail } from './mail/index.js';
import { members } from './members/index.js';
import { reports } from './reports/index.js';
import { notifications } from './notifications/index.js';
import { serviceLevels } from './service-levels/index.js';
import { sso } from './sso/index.js';
import { touchPoints } from './touch-points/index.js';
import { webhooks } from './webhooks/index.js';

/**
 * What each feature's `index.ts` declares: its folder name (holding its `.graphql` files), resolvers and entities,
 * any HTTP routes (each from a file of the module named for what it does, e.g. `consultancy/export-download.ts`), and
 * any scheduled jobs (core/scheduled-work.ts; each in a file named for its work, e.g. `notifications/digest-job.ts`).
 */
interface Feature {
  name: string;
  resolvers: Resolvers;
  entities: EntitySchema[];
  routes?: readonly ApiRoute[];
  scheduledJobs?: readonly ScheduledJob[];
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** A module's SDL: `schema.graphql` first (its operations), then its other `.graphql` files in name order. */
function sdlOf(name: string): string[] {
  const folder = path.join(here, name);
  const others = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.graphql') && file !== 'schema.graphql')
    .sort();
  return ['schema.graphql', ...others].map((file) => fs.readFileSync(path.join(folder, file), 'utf8'));
}

const features: Feature[] = [
  accounts,
  members,
  clients,
  engagements,
  charters,
  hiring,
  audits,
  actions,
  serviceLevels,
  touchPoints,
  complaints,
  feedback,
  reports,
  apiKeys,
  activity,
  webhooks,
  mail,
  notifications,
  sso,
  consultancy,
] as Feature[];

/** Every feature of the API, in schema order: what main.ts hands to `createApi`. */
export const modules: ApiModule[] = features.map((feature) => ({
  ...feature,
  typeDefs: sdlOf(feature.name),
  resolvers: feature.resolvers as ApiModule['resolvers'],
}));

export const entities = modules.flatMap((m) => m.entities);
