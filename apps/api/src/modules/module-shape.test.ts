import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPermission } from '@csp/domain';
import { modules } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const folders = fs
  .readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The module contract (ARCHITECTURE.md): what lint cannot see, because it is about files rather than imports. */
describe('every module', () => {
  it('is listed in modules/index.ts, so its schema is served', () => {
    expect(modules.map((m) => m.name).sort()).toEqual(folders);
  });

  it.each(folders)('%s has schema.graphql, resolvers.ts and index.ts, its one public surface', (folder) => {
    const files = fs.readdirSync(path.join(here, folder));
    expect(files).toEqual(expect.arrayContaining(['schema.graphql', 'resolvers.ts', 'index.ts']));
  });

  it.each(folders)('%s names its files for what they do: no service grab-bag, no demo content', (folder) => {
    const files = fs.readdirSync(path.join(here, folder));
    expect(files.filter((file) => /(^|-)service\.ts$|(^|-)demo[.-]|^demo\.ts$/.test(file))).toEqual([]);
    // HTTP routes sit in a file named for what they do (`export-download.ts`), not in a `routes.ts` of everything.
    expect(files.filter((file) => /^(routes|http|controllers?)\.ts$/.test(file))).toEqual([]);
    expect(
      fs.readdirSync(path.join(here, folder), { withFileTypes: true }).filter((e) => e.isDirectory()),
    ).toEqual([]);
  });
});

describe('module routes', () => {
  it('are declared once each, outside /graphql, with a permission of the catalogue or public', () => {
    const routes = modules.flatMap((m) => (m.routes ?? []).map((route) => ({ module: m.name, ...route })));
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes) {
      expect(route.path).toMatch(/^\/(?!graphql)/);
      expect(route.allow === 'public' || isPermission(route.allow), `${route.module}: ${route.allow}`).toBe(
        true,
      );
    }
  });
});
