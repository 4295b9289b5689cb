import fs from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BREAKS_FILE, SCHEMA_FILE, printPublicSchema, unintendedBreaks } from '../../print-schema.js';

/**
 * The committed schema.graphql is the API's contract. A change to the SDL must update it with
 * `npm run schema -w @csp/api`, which refuses breaking changes not listed in schema-breaks.json.
 */
const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');

describe('the published schema', () => {
  it('matches the code (run `npm run schema -w @csp/api` after changing the SDL)', () => {
    expect(printPublicSchema()).toBe(committed);
  });

  it('reports a removed field or a newly required argument as a break, unless intended', () => {
    const removed = committed.replace(/^\s+totalCount: Int!\n/m, '');
    expect(unintendedBreaks(committed, removed, [])).toEqual([
      expect.stringMatching(/^FIELD_REMOVED: \w+Connection\.totalCount was removed\.$/),
    ]);
    const [change] = unintendedBreaks(committed, removed, []);
    expect(unintendedBreaks(committed, removed, [change!])).toEqual([]);
  });

  it('lets additions through', () => {
    const added = committed.replace('type Query {', 'type Query {\n  newField: String');
    expect(unintendedBreaks(committed, added, [])).toEqual([]);
  });

  it('lists every deprecated field in schema-breaks.json, with what replaces it', () => {
    const schema = buildSchema(committed);
    const deprecated: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.deprecationReason) deprecated.push(`${type.name}.${field.name}`);
        }
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (value.deprecationReason) deprecated.push(`${type.name}.${value.name}`);
        }
      }
    }
    const recorded: string[] = JSON.parse(fs.readFileSync(BREAKS_FILE, 'utf8')).deprecated ?? [];
    expect(recorded.map((entry) => entry.split(':')[0]).sort()).toEqual(deprecated.sort());
  });
});
