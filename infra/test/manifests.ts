import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const INFRA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const K8S = path.join(INFRA, 'k8s');

export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Every YAML document under infra/k8s, parsed strictly (a YAML error fails the load). */
export function loadManifests(): Manifest[] {
  const files = fs
    .readdirSync(K8S)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  return files.flatMap((file): Manifest[] => {
    const documents = parseAllDocuments(fs.readFileSync(path.join(K8S, file), 'utf8'), {
      uniqueKeys: true,
      strict: true,
    });
    return documents.map((document) => {
      if (document.errors.length) throw new Error(`${file}: ${document.errors.map(String).join('; ')}`);
      return { ...(document.toJS() as Omit<Manifest, 'file'>), file } as Manifest;
    });
  });
}
