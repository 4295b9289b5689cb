import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { modules } from '../../modules/index.js';
import { applyPermissionGuards } from '../permissions/guard.js';
import { markMutations } from '../activity-trail.js';
import { DateScalar, DateTimeScalar, JsonScalar } from './scalars.js';
import { capPlainLists } from './list-caps.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const modulesDir = path.resolve(here, '../../modules');

/**
 * The SDL of the whole API: the shared base, then each module's files: `schema.graphql` first (its operations),
 * then any other `.graphql` files of the module in name order (a large module splits its types across them).
 */
export function loadTypeDefs(): string[] {
  const base = fs.readFileSync(path.join(here, 'base.graphql'), 'utf8');
  return [
    base,
    ...modules.flatMap((m) => moduleSdlFiles(m.name).map((file) => fs.readFileSync(file, 'utf8'))),
  ];
}

export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      { Date: DateScalar, DateTime: DateTimeScalar, JSON: JsonScalar },
      ...modules.map((m) => m.resolvers),
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  return capPlainLists(markMutations(applyPermissionGuards(schema)));
}

function moduleSdlFiles(name: string): string[] {
  const folder = path.join(modulesDir, name);
  const others = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.graphql') && file !== 'schema.graphql')
    .sort();
  return ['schema.graphql', ...others].map((file) => path.join(folder, file));
}
