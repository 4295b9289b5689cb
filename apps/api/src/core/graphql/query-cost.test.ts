import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  execute,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import * as benchQueries from '../../../../../bench/src/queries.js';
import { MAX_PAGE_SIZE } from '../pagination.js';
import { modules } from '../../modules/index.js';
import { buildSchema } from './schema.js';
import { QUERY_LIMITS } from './query-limits.js';
import { introspectionCost, introspectionLimit, queryCost } from './query-cost.js';
import { LIST_SIZES, PAGED_LISTS, isPageType, listSizeOf } from './list-sizes.js';
import { capPlainLists } from './list-caps.js';

/** The cost model itself, without a server: what it counts, and where the limit sits against real documents. */
const schema = buildSchema(modules);

/** Every operation the portal sends, as codegen compiled it (`npm run lint` keeps that file current). */
function portalDocuments(): [string, DocumentNode][] {
  const file = path.resolve(import.meta.dirname, '../../../../portal/src/generated/graphql.ts');
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode</gm)].map(
    (match) => [match[1] as string, JSON.parse(match[2] as string) as DocumentNode],
  );
}

const benchDocuments = (): [string, DocumentNode][] =>
  Object.entries(benchQueries as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, text]) => [`bench ${name}`, parse(text)]);

/** A value for every variable; page sizes at their maximum, so each document is costed at its worst. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  const scalars: Record<string, unknown> = {
    Int: MAX_PAGE_SIZE,
    Float: 1,
    Boolean: true,
    Date: '2026-12-01',
    DateTime: '2026-12-01T00:00:00Z',
    JSON: {},
  };
  return scalars[type.name] ?? 'x';
}

function worstCost(document: DocumentNode): number {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  const variables = Object.fromEntries(
    (operation?.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      sample(typeFromAST(schema, definition.type as never) as GraphQLInputType),
    ]),
  );
  return queryCost(schema, document, variables);
}

/** Walks clients → audits → client → audits …, `levels` lists of audits deep. */
function auditWalk(levels: number, clientsArgs = ''): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) {
    selection = level === 0 ? `audits { ${selection} }` : `audits { client { ${selection} } }`;
  }
  return `{ clients${clientsArgs} { nodes { ${selection} } } }`;
}

describe('query cost', () => {
  it('multiplies a list by its length: first for connections, the declared size for plain lists', () => {
    const one = queryCost(schema, parse('{ clients(first: 1) { nodes { id } } }'));
    const hundred = queryCost(schema, parse('{ clients(first: 100) { nodes { id } } }'));
    expect(hundred).toBe(one * 100);
    const byDefault = queryCost(schema, parse('{ clients { nodes { id } } }'));
    expect(byDefault).toBe(one * 20);
    const audits = LIST_SIZES['Client.audits']!.size;
    expect(queryCost(schema, parse('{ client(id: "x") { audits { id title } } }'))).toBe(
      1 + (1 + 2) * audits,
    );
  });

  it('reads the page size from the variables', () => {
    const query = parse('query ($first: Int) { clients(first: $first) { nodes { id } } }');
    expect(queryCost(schema, query, { first: 100 })).toBe(queryCost(schema, query, { first: 1 }) * 100);
  });

  it('counts a list that says how many items it answers by that argument (periods(last: n)), up to its cap', () => {
    const periods = (last: string) =>
      queryCost(schema, parse(`{ serviceLevel(id: "x") { periods${last} { label good valid } } }`));
    expect(periods('')).toBe(1 + (1 + 3) * 12);
    expect(periods('(last: 104)')).toBe(1 + (1 + 3) * 104);
    expect(periods('(last: 100000)')).toBe(1 + (1 + 3) * LIST_SIZES['ServiceLevel.periods']!.cap!);
    const query = parse('query ($n: Int) { serviceLevel(id: "x") { periods(last: $n) { label } } }');
    expect(queryCost(schema, query, { n: 520 })).toBe(1 + 2 * 520);
  });

  it('does not charge for __typename', () => {
    const plain = queryCost(schema, parse('{ me { id } }'));
    expect(queryCost(schema, parse('{ __typename me { __typename id } }'))).toBe(plain);
  });

  it('refuses the four-level walk through audits, which grows as n⁴ with the data', () => {
    const walk = auditWalk(4);
    expect(walk.length).toBeLessThan(130);
    expect(queryCost(schema, parse(walk))).toBeGreaterThan(QUERY_LIMITS.cost * 3);
  });

  it('lets every operation the portal sends and every bench query through, at their largest pages', () => {
    const documents = [...portalDocuments(), ...benchDocuments()];
    expect(documents.length).toBeGreaterThan(60);
    const costs = documents.map(([name, document]) => ({ name, cost: worstCost(document) }));
    const over = costs.filter(({ cost }) => cost > QUERY_LIMITS.cost);
    expect(over).toEqual([]);
    // The figures in QUERY_LIMITS' comment, so it stays true.
    const heaviest = Math.max(...costs.filter(({ name }) => !name.startsWith('bench')).map((c) => c.cost));
    expect(heaviest).toBeLessThan(QUERY_LIMITS.cost / 10);
  });

  it('prices introspection apart from data: a full one passes its own limit whatever the schema grows to, twice does not', () => {
    const full = parse(getIntrospectionQuery());
    // The data cost of an introspection is its root field alone: it reads the schema in memory, not the database.
    expect(queryCost(schema, full)).toBeLessThan(10);
    const once = introspectionCost(schema, full);
    expect(once).toBeGreaterThan(10_000);
    expect(once).toBeLessThan(introspectionLimit(schema));
    const twice = parse(
      print(full).replace(/__schema \{/, 'once: __schema { types { ...FullType } }\n  again: __schema {'),
    );
    expect(introspectionCost(schema, twice)).toBeGreaterThan(introspectionLimit(schema) / 1.5);
    expect(introspectionCost(schema, parse('{ me { id } }'))).toBe(0);
  });

  it('knows the length of every plain list of objects in the schema, and caps those that grow with use', () => {
    const plainLists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || isPageType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)))
          plainLists.push(`${type.name}.${field.name}`);
      }
    }
    expect(plainLists.filter((coordinate) => !listSizeOf(coordinate))).toEqual([]);
    // Nothing named that the schema does not have (a renamed field would silently fall back to the default).
    expect(Object.keys(LIST_SIZES).filter((coordinate) => !plainLists.includes(coordinate))).toEqual([]);
    for (const coordinate of PAGED_LISTS) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const field = schema.getType(typeName);
      expect(isObjectType(field) && field.getFields()[fieldName]?.args.some((a) => a.name === 'first')).toBe(
        true,
      );
    }
  });
});

describe('list caps', () => {
  const capped = Object.entries(LIST_SIZES).filter(([, size]) => size.cap);

  it('cap every list that grows with use, at no less than its assumed size', () => {
    for (const [coordinate, size] of capped) expect(size.cap, coordinate).toBeGreaterThanOrEqual(size.size);
    expect(capped.map(([coordinate]) => coordinate)).toEqual(
      expect.arrayContaining(['Client.audits', 'Client.actions', 'Action.notes', 'RoleProfile.candidates']),
    );
  });

  it('answer at most the cap, keeping the end the list order says matters', async () => {
    const capping = capPlainLists(
      makeExecutableSchema({
        typeDefs: /* GraphQL */ `
          type Query {
            client: Client
            action: Action
          }
          type Client {
            audits: [Audit!]!
          }
          type Audit {
            n: Int!
          }
          type Action {
            notes: [ActionNote!]!
          }
          type ActionNote {
            n: Int!
          }
        `,
        resolvers: {
          Query: { client: () => ({}), action: () => ({}) },
          Client: { audits: async () => Array.from({ length: 150 }, (_, n) => ({ n })) },
          Action: { notes: () => Array.from({ length: 250 }, (_, n) => ({ n })) },
        },
      }),
    );
    const result = await execute({
      schema: capping,
      document: parse('{ client { audits { n } } action { notes { n } } }'),
      contextValue: {},
    });
    const data = result.data as { client: { audits: { n: number }[] }; action: { notes: { n: number }[] } };
    expect(data.client.audits).toHaveLength(LIST_SIZES['Client.audits']!.cap!);
    expect(data.client.audits[0]?.n).toBe(0); // newest first: the newest kept
    expect(data.action.notes).toHaveLength(LIST_SIZES['Action.notes']!.cap!);
    expect(data.action.notes.at(-1)?.n).toBe(249); // oldest first: the newest kept
  });
});
