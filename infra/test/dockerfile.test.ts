import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA } from './manifests.js';

/**
 * No Docker engine in CI: the Dockerfile is checked by reading it. Instructions are joined across line continuations
 * and comments are dropped, then each stage is looked at on its own.
 */
const ROOT = path.resolve(INFRA, '..');
const text = fs.readFileSync(path.join(INFRA, 'Dockerfile'), 'utf8');
const instructions = text
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

interface Stage {
  from: string;
  name?: string;
  lines: string[];
}
const stages: Stage[] = [];
for (const line of instructions) {
  const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
  if (from) stages.push({ from: from[1] ?? '', name: from[2], lines: [] });
  else stages.at(-1)?.lines.push(line);
}
const final = stages.at(-1) as Stage;
const finalHas = (pattern: RegExp) => final.lines.filter((line) => pattern.test(line));

describe('infra/Dockerfile', () => {
  it('is multi-stage: installs with npm ci, builds the portal, then a separate final stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(instructions.some((line) => /^RUN .*npm ci\b/.test(line))).toBe(true);
    expect(instructions.some((line) => /^RUN .*npm run build -w @csp\/portal/.test(line))).toBe(true);
    expect(finalHas(/^RUN /), 'the final stage runs nothing, it only copies').toHaveLength(0);
  });

  it('copies only runtime pieces into the final stage: production dependencies, sources, the built portal', () => {
    const copies = finalHas(/^COPY /).join('\n');
    expect(copies).toMatch(/--from=prod-deps .*node_modules/);
    expect(copies).toMatch(/--from=portal .*apps\/portal\/dist/);
    expect(copies).toMatch(/apps\/api\/src/);
    expect(copies).toMatch(/packages\/domain\/src/);
    expect(copies).not.toMatch(/COPY (--\S+ )*\. /);
    const prodDeps = stages.find((stage) => stage.name === 'prod-deps');
    expect(prodDeps?.lines.join('\n')).toMatch(/npm ci .*--omit=dev/);
  });

  it('runs as a non-root user in production mode', () => {
    const users = finalHas(/^USER /);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/);
    expect(finalHas(/^ENV .*NODE_ENV=production/)).toHaveLength(1);
  });

  it('exposes 4000, checks /healthz, and starts the API with tsx', () => {
    expect(finalHas(/^EXPOSE 4000$/)).toHaveLength(1);
    expect(finalHas(/^HEALTHCHECK .*\/healthz/)).toHaveLength(1);
    expect(finalHas(/^CMD .*tsx.*apps\/api\/src\/main\.ts/)).toHaveLength(1);
  });

  it('copies every workspace manifest npm ci needs, and every path it copies exists', () => {
    const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const workspaceDirs = root.workspaces.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? fs
            .readdirSync(path.join(ROOT, pattern.slice(0, -2)))
            .map((dir) => `${pattern.slice(0, -2)}/${dir}`)
            .filter((dir) => fs.existsSync(path.join(ROOT, dir, 'package.json')))
        : [pattern],
    );
    for (const stage of stages.filter((s) => s.lines.some((line) => /npm ci/.test(line)))) {
      const copied = stage.lines.filter((line) => line.startsWith('COPY ')).join('\n');
      for (const dir of workspaceDirs)
        expect(copied, `${stage.name}: ${dir}`).toContain(`${dir}/package.json`);
    }
    for (const line of instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from='))) {
      const parts = line.split(/\s+/).filter((part) => !part.startsWith('--'));
      for (const source of parts.slice(1, -1))
        expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true);
    }
  });

  it('has a .dockerignore that keeps node_modules, local data and git out of the context', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8');
    for (const entry of ['**/node_modules', '.data', '.git', '.env'])
      expect(ignore.split('\n')).toContain(entry);
  });
});
