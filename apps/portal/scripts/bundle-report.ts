/// <reference types="node" />
/**
 * The initial JavaScript of the sign-in and home pages, gzipped, from the Vite manifest of the last build
 * (`npm run build -w @csp/portal` first). "Initial" is what the browser needs before the page can render: the
 * entry chunk with its static imports, plus the lazily loaded chunks of the route's layout and page with theirs.
 * Not a test: it prints the figures and says whether each is within the budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const BUDGET_KB = 200;
const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<
  string,
  ManifestChunk
>;

/** The source modules each route loads lazily, on top of the entry (see src/app/router.tsx). */
const ROUTES: Record<string, string[]> = {
  'sign-in (/sign-in)': ['src/auth/AuthLayout.tsx', 'src/auth/SignInPage.tsx'],
  'home (/)': ['src/home/SignedInLayout.tsx', 'src/home/HomePage.tsx'],
  'programme (/programme)': ['src/home/SignedInLayout.tsx', 'src/programme/ProgrammePage.tsx'],
};

function collect(key: string, into: Set<string>) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) collect(imported, into);
}

const entry = manifest['index.html']
  ? 'index.html'
  : Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
if (!entry) throw new Error('No entry chunk in the manifest: run `npm run build -w @csp/portal` first.');

const gzipped = (file: string) => gzipSync(readFileSync(new URL(file, dist))).length;
let over = false;
console.log(`Initial JavaScript per route, gzipped (budget ${BUDGET_KB} KB):`);
for (const [route, modules] of Object.entries(ROUTES)) {
  const files = new Set<string>();
  collect(entry, files);
  for (const module of modules) collect(module, files);
  const js = [...files].filter((file) => file.endsWith('.js'));
  const bytes = js.reduce((sum, file) => sum + gzipped(file), 0);
  const kb = bytes / 1024;
  over ||= kb > BUDGET_KB;
  console.log(
    `  ${route.padEnd(26)} ${kb.toFixed(1).padStart(7)} KB in ${js.length} files${kb > BUDGET_KB ? '  OVER BUDGET' : ''}`,
  );
}

// The public feedback form is its own entry (feedback.html), with a budget of its own: customers on a phone.
const FEEDBACK_BUDGET_KB = 30;
const feedbackFiles = new Set<string>();
collect('feedback.html', feedbackFiles);
const feedbackKb =
  [...feedbackFiles].filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzipped(file), 0) /
  1024;
over ||= feedbackKb > FEEDBACK_BUDGET_KB;
console.log(
  `  ${'public feedback form'.padEnd(26)} ${feedbackKb.toFixed(1).padStart(7)} KB (budget ${FEEDBACK_BUDGET_KB} KB)${feedbackKb > FEEDBACK_BUDGET_KB ? '  OVER BUDGET' : ''}`,
);
if (over) process.exitCode = 1;
