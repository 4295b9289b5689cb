import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { ApiModule } from '../api-module.js';
import { applyPermissionGuards } from '../permissions/guard.js';
import { markMutations } from '../activity-trail.js';
import { DateScalar, DateTimeScalar, JsonScalar } from './scalars.js';
import { capPlainLists } from './list-caps.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The SDL of the whole API: the shared base, then each module's files in the order the modules are listed. */
export function loadTypeDefs(modules: readonly ApiModule[]): string[] {
  const base = fs.readFileSync(path.join(here, 'base.graphql'), 'utf8');
  return [base, ...modules.flatMap((m) => m.typeDefs)];
}

export function buildSchema(modules: readonly ApiModule[]): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(modules),
    resolvers: [
      { Date: DateScalar, DateTime: DateTimeScalar, JSON: JsonScalar },
      ...modules.map((m) => m.resolvers),
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  return capPlainLists(markMutations(applyPermissionGuards(schema)));
}
