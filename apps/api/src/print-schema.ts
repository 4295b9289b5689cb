import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema as parseSdl, findBreakingChanges, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from './core/graphql/schema.js';
import { modules } from './modules/index.js';

/**
 * `npm run schema -w @csp/api`: writes the public schema to apps/api/schema.graphql, the contract third parties
 * build against. It refuses to write a change that would break existing clients unless that break is listed in
 * schema-breaks.json, so a break is always a decision in review. core/graphql/schema-contract.test.ts fails when
 * the file is stale.
 */
const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(API_DIR, 'schema.graphql');
export const BREAKS_FILE = path.join(API_DIR, 'schema-breaks.json');

export function printPublicSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema(modules)))}\n`;
}

export function unintendedBreaks(before: string, after: string, intended: readonly string[]): string[] {
  return findBreakingChanges(parseSdl(before), parseSdl(after))
    .map((change) => `${change.type}: ${change.description}`)
    .filter((change) => !intended.includes(change));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const next = printPublicSchema();
  const before = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : next;
  const intended: string[] = JSON.parse(fs.readFileSync(BREAKS_FILE, 'utf8')).intended;
  const breaks = unintendedBreaks(before, next, intended);
  if (breaks.length) {
    console.error('These changes would break existing API clients:');
    for (const change of breaks) console.error(`  ${change}`);
    console.error(
      `If they are intended, add them to ${path.relative(process.cwd(), BREAKS_FILE)} and run again.`,
    );
    process.exit(1);
  }
  fs.writeFileSync(SCHEMA_FILE, next);
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
