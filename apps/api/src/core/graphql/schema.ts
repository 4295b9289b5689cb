import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { modules } from '../../modules/index.js';
import { applyPermissionGuards } from '../permissions/guard.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const modulesDir = path.resolve(here, '../../modules');

/** The SDL of the whole API: the shared base, then each module's `schema.graphql`, in a stable order. */
export function loadTypeDefs(): string[] {
  const base = fs.readFileSync(path.join(here, 'base.graphql'), 'utf8');
  return [
    base,
    ...modules.map((m) => fs.readFileSync(path.join(modulesDir, m.name, 'schema.graphql'), 'utf8')),
  ];
}

export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [{ Date: DateScalar, DateTime: DateTimeScalar }, ...modules.map((m) => m.resolvers)],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  return applyPermissionGuards(schema);
}
